package org.radtrial.dicom.pacs;

/** DICOM AE titles (PS3.5: 1 to 16 characters of the default repertoire, no backslash or control character). */
final class AeTitles {
  private AeTitles() {}

  static String check(String title, String what) {
    if (title.isBlank() || title.length() > 16 || !title.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\\')) {
      throw new IllegalArgumentException(what + " '" + title + "' is not an AE title: 1 to 16 printable ASCII characters, no backslash");
    }
    return title;
  }
}
