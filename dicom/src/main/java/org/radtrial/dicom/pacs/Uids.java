package org.radtrial.dicom.pacs;

import java.util.regex.Pattern;

/** UIDs as the archive returns them; they become folder and file names, so nothing else may pass. */
final class Uids {
  private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

  private Uids() {}

  /** Digits and dots, no empty or zero-led component, at most 64 characters (PS3.5 9.1): never "..", "/" or a name. */
  static boolean valid(String uid) {
    return uid.length() <= 64 && UID.matcher(uid).matches();
  }

  static String check(String uid, String what) {
    if (!valid(uid)) {
      throw new PacsException("the archive returned " + what + " '" + (uid.length() > 70 ? uid.substring(0, 70) + "..." : uid)
          + "', which is not a UID");
    }
    return uid;
  }
}
