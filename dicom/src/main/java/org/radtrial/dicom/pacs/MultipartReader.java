package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/related} body (RFC 2046, as WADO-RS sends a study) part by part while it
 * arrives: each part's body is handed over as a stream that ends at the next boundary, so memory
 * stays bounded by the buffer, not by the size of a study. The boundary is found with the
 * Knuth-Morris-Pratt failure function, so a part may contain any prefix of the delimiter.
 */
final class MultipartReader {
  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private final InputStream in;
  private final byte[] delimiter;
  private final int[] fallback;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;

  /** One part: its headers (names in lower case) and its body, to be read to its end before the next part. */
  interface PartHandler {
    void part(Map<String, String> headers, InputStream body) throws IOException;
  }

  MultipartReader(InputStream in, String boundary) {
    if (boundary.isEmpty() || boundary.length() > 200) {
      throw new IllegalArgumentException("a multipart boundary must have 1 to 200 characters, not " + boundary.length());
    }
    this.in = in;
    // the body is read as if it began with CRLF, so that the first delimiter looks like the others
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    this.fallback = failure(delimiter);
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
  }

  /** The boundary parameter of a {@code multipart/related} Content-Type, or an exception naming the type found. */
  static String boundary(String contentType) {
    String lower = contentType.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("multipart/")) {
      throw new IllegalArgumentException("expected a multipart/related response, got Content-Type '" + contentType + "'");
    }
    for (String parameter : contentType.split(";")) {
      String p = parameter.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = p.substring("boundary=".length()).strip();
        return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1 ? value.substring(1, value.length() - 1) : value;
      }
    }
    throw new IllegalArgumentException("the multipart Content-Type '" + contentType + "' has no boundary");
  }

  /**
   * Hands every part to the handler, in order.
   *
   * @return the number of parts
   * @throws IOException when the stream ends before the closing delimiter (a dropped connection)
   */
  int read(PartHandler handler) throws IOException {
    skipBody(); // the preamble, up to the first delimiter
    int parts = 0;
    while (!afterDelimiter()) {
      Map<String, String> headers = headers();
      PartBody body = new PartBody();
      handler.part(headers, body);
      body.drain();
      parts++;
    }
    return parts;
  }

  /** After a delimiter: "--" closes the body, CRLF starts a part (transport padding is allowed before either). */
  private boolean afterDelimiter() throws IOException {
    int a = next();
    int b = next();
    while (a == ' ' || a == '\t') {
      a = b;
      b = next();
    }
    if (a == '-' && b == '-') {
      return true;
    }
    if (a == '\r' && b == '\n') {
      return false;
    }
    throw new IOException("malformed multipart body: a boundary is followed by neither CRLF nor '--'");
  }

  private Map<String, String> headers() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    StringBuilder line = new StringBuilder();
    int total = 0;
    while (true) {
      int c = next();
      if (++total > MAX_HEADER_BYTES) {
        throw new IOException("malformed multipart body: a part's headers exceed " + MAX_HEADER_BYTES + " bytes");
      }
      if (c != '\n') {
        line.append((char) c);
        continue;
      }
      String text = line.toString().strip();
      line.setLength(0);
      if (text.isEmpty()) {
        return headers;
      }
      int colon = text.indexOf(':');
      if (colon > 0) {
        headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
      }
    }
  }

  private int next() throws IOException {
    if (position == limit && !fill()) {
      throw truncated();
    }
    return buffer[position++] & 0xff;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private static IOException truncated() {
    return new IOException("the connection ended in the middle of the multipart body (before its closing boundary)");
  }

  private void skipBody() throws IOException {
    PartBody preamble = new PartBody();
    preamble.drain();
  }

  /** The bytes of one part, ending before the next delimiter. */
  private final class PartBody extends InputStream {
    private int matched; // bytes of the delimiter seen but not yet given out
    private int pending; // bytes of delimiter[0..] to give out before reading on
    private int pendingAt;
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      int written = 0;
      while (written < length) {
        if (pending > 0) {
          int n = Math.min(pending, length - written);
          System.arraycopy(delimiter, pendingAt, target, offset + written, n);
          pendingAt += n;
          pending -= n;
          written += n;
          continue;
        }
        if (ended) {
          break;
        }
        if (position == limit) {
          if (written > 0) {
            break; // give out what is there before blocking on the network
          }
          if (!fill()) {
            throw truncated();
          }
        }
        byte c = buffer[position++];
        while (matched > 0 && delimiter[matched] != c) {
          int shorter = fallback[matched - 1];
          pendingAt = 0;
          pending = matched - shorter; // those bytes were data after all
          matched = shorter;
          if (pending > 0) {
            // give the released bytes out first, then look at c again
            position--;
            break;
          }
        }
        if (pending > 0) {
          continue;
        }
        if (delimiter[matched] == c) {
          matched++;
          if (matched == delimiter.length) {
            ended = true;
            matched = 0;
          }
        } else {
          target[offset + written++] = c;
        }
      }
      return written == 0 && ended ? -1 : written;
    }

    void drain() throws IOException {
      byte[] skip = new byte[8192];
      while (read(skip, 0, skip.length) >= 0) {
        // discard the rest of the part
      }
    }
  }

  /** KMP failure function: fallback[i] is the length of the longest proper prefix of pattern[0..i] that is also its suffix. */
  private static int[] failure(byte[] pattern) {
    int[] f = new int[pattern.length];
    int k = 0;
    for (int i = 1; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = f[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      f[i] = k;
    }
    return f;
  }
}
