package org.radtrial.server;

import java.util.Locale;

/**
 * Every limit on what a user controls, in one place, and the one cleaning rule for names. Each
 * check throws a 400 that names the field, the length found and the limit.
 */
final class Limits {
  static final int USERNAME = 64;
  static final int DISPLAY_NAME = 200;
  static final int STUDY_NAME = 200;
  static final int COMMENT = 20_000;
  static final int TARGET = 300;
  static final int PASSWORD = 1_000;
  /** A failed sign-in's username is audited cut to this length: it is attacker-controlled. */
  static final int AUDITED_USERNAME = 64;
  static final int AUDIT_DETAIL = 2_000;
  /** JSON request bodies (everything but an upload, which streams to a file). */
  static final int JSON_BODY = 64 * 1024;
  /** Columns of an uploaded case table. */
  static final int COLUMNS = 1_000;
  /** Bytes of one line of an uploaded case table. */
  static final int LINE_BYTES = 256 * 1024;
  /** Data rows of one upload. */
  static final int ROWS = 2_000_000;
  /** Rows times columns of one upload: what the reader holds in memory. */
  static final long CELLS = 20_000_000;
  /** Metadata columns one audit or simulation may break down by; with none named, the first this many. */
  static final int GROUPS = 20;
  /** Runs queued or running at once, per study and per user. */
  static final int RUNS_PER_STUDY = 4;
  static final int RUNS_PER_USER = 3;
  /** Runs queued or running on the whole server: one more is refused rather than queued without bound. */
  static final int RUNS_QUEUED = 50;

  private Limits() {}

  /** The text, or a 400 naming the field if it is longer than allowed. */
  static String require(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw HttpError.badRequest(field + ": at most " + max + " characters, got " + value.length());
    }
    return value;
  }

  /** The text cut to at most max characters, marked as cut. */
  static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + String.format(Locale.ROOT, "… (%d characters cut)", text.length() - max);
  }

  /**
   * A name as people will read it: control characters (C0, C1, and the bidirectional overrides,
   * embeddings and isolates U+202A..U+202E, U+2066..U+2069, plus U+200E/U+200F marks) removed,
   * runs of whitespace made one space, trimmed. Such characters make a name display as
   * something it is not.
   */
  static String cleanName(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(raw.length());
    boolean space = false;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = b.length() > 0;
        continue;
      }
      if (hidden(cp)) {
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  /**
   * Free text (a comment): line breaks and tabs kept, every other control character and the
   * bidirectional controls removed, so a comment cannot display reordered or hide text.
   */
  static String cleanText(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(raw.length());
    raw.codePoints().filter(cp -> cp == '\n' || cp == '\t' || !hidden(cp)).forEach(b::appendCodePoint);
    return b.toString();
  }

  private static boolean hidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE || type == Character.SURROGATE;
  }
}
