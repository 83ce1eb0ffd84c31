package org.radtrial.dicom.pacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
  private static final String BOUNDARY = "ab-ab-abx";

  /** Parts full of near-delimiters ("\r\n--ab-ab-ab", "\r\n-", lone CRs), arriving in chunks of random size, come out whole. */
  @RepeatedTest(200)
  void partsComeOutExactlyAsTheyWentInWhateverTheyHoldAndHoweverTheBytesArrive(RepetitionInfo repetition) throws IOException {
    Random random = new Random(repetition.getCurrentRepetition());
    List<byte[]> parts = new ArrayList<>();
    for (int p = random.nextInt(4); p >= 0; p--) {
      parts.add(tricky(random));
    }
    byte[] body = body(parts, random.nextBoolean() ? "a preamble\r\n" : "");
    List<byte[]> read = read(new Chunked(body, random));
    assertThat(read).hasSize(parts.size());
    for (int k = 0; k < parts.size(); k++) {
      assertThat(read.get(k)).as("part %d", k).isEqualTo(parts.get(k));
    }
  }

  @Test
  void aBodyCutBeforeItsClosingDelimiterIsAnError() throws IOException {
    byte[] body = body(List.of("x".repeat(1000).getBytes(StandardCharsets.US_ASCII)), "");
    byte[] cut = Arrays.copyOf(body, 500);
    assertThatThrownBy(() -> read(new ByteArrayInputStream(cut))).isInstanceOf(IOException.class)
        .hasMessageContaining("the connection ended in the middle of the multipart body");
  }

  @Test
  void theBoundaryIsTakenFromTheContentTypeQuotedOrNot() {
    assertThat(MultipartReader.boundary("multipart/related; type=\"application/dicom\"; boundary=\"q r\"")).isEqualTo("q r");
    assertThat(MultipartReader.boundary("multipart/related; boundary=abc; type=\"application/dicom\"")).isEqualTo("abc");
    assertThatThrownBy(() -> MultipartReader.boundary("application/json")).hasMessageContaining("expected a multipart/related response");
  }

  private static byte[] tricky(Random random) {
    String[] pieces = {"\r\n--ab-ab-ab", "\r\n--ab-ab-", "\r\n-", "\r", "\n", "--ab-ab-abx", "ab", "-", "x", "\r\n--ab"};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int k = random.nextInt(40); k > 0; k--) {
      if (random.nextInt(3) == 0) {
        byte[] noise = new byte[random.nextInt(20)];
        random.nextBytes(noise);
        out.writeBytes(noise);
      } else {
        out.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] part = out.toByteArray();
    // a part may not contain the delimiter itself (the sender chooses a boundary that does not occur)
    return new String(part, StandardCharsets.ISO_8859_1).contains("\r\n--" + BOUNDARY) ? new byte[0] : part;
  }

  private static byte[] body(List<byte[]> parts, String preamble) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
    for (byte[] p : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(p);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static List<byte[]> read(InputStream in) throws IOException {
    List<byte[]> parts = new ArrayList<>();
    new MultipartReader(in, BOUNDARY).read((headers, body) -> {
      assertThat(headers).containsEntry("content-type", "application/dicom");
      parts.add(body.readAllBytes());
    });
    return parts;
  }

  /** Gives out the bytes in chunks of 1 to 17. */
  private static final class Chunked extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int at;

    Chunked(byte[] bytes, Random random) {
      this.bytes = bytes;
      this.random = random;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(17)), bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }
}
