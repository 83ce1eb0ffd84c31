package org.radtrial.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The first line of a file that holds text, for messages about a file whose name promises a binary format. */
final class TextStart {
  private static final int PEEK = 512;
  private static final int SHOWN = 40;

  private TextStart() {}

  /** The start of the file's first line when the file begins with UTF-8 text (no control bytes but tab and newlines); null otherwise. */
  static @Nullable String of(Path path) {
    byte[] start;
    try (InputStream in = Files.newInputStream(path)) {
      start = in.readNBytes(PEEK);
    } catch (IOException e) {
      return null;
    }
    if (start.length == 0) {
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(start, 0, lastCompleteLine(start))).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (char c : text.toCharArray()) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return null;
      }
    }
    String line = text.lines().findFirst().orElse("");
    return line.length() > SHOWN ? line.substring(0, SHOWN) + "..." : line;
  }

  /** The bytes up to the last newline, so that a multi-byte character cut at the end does not fail decoding. */
  private static int lastCompleteLine(byte[] bytes) {
    for (int k = bytes.length - 1; k >= 0; k--) {
      if (bytes[k] == '\n') {
        return k + 1;
      }
    }
    return bytes.length;
  }
}
