package org.radtrial.dicom.deid;

import com.pixelmed.dicom.AttributeTag;
import java.util.Map;
import java.util.Set;

/**
 * One row of Table E.1-1: its number in the table file, a tag (or repeating-group pattern, X for any
 * hex digit; {@link #PRIVATE} for the private attributes), the attribute's name, the Basic Profile's
 * action as written and as radtrial applies it, and the offered options' actions.
 */
record ProfileRule(int row, String tagPattern, String name, String action, Treatment basic, Map<DeidOption, Treatment> options) {
  /** The pattern of the table's row "(GGGG,EEEE) WHERE GGGG IS ODD". */
  static final String PRIVATE = "odd group";

  ProfileRule {
    if (!tagPattern.equals(PRIVATE) && !tagPattern.matches("[0-9A-FX]{4},[0-9A-FX]{4}")) {
      throw new IllegalArgumentException("bad tag pattern " + tagPattern);
    }
    options = Map.copyOf(options);
  }

  /** The pattern of a tag as the table writes it: "(0008,0050)" gives "0008,0050". */
  static String pattern(String tag, String where) {
    String t = tag.toUpperCase(java.util.Locale.ROOT);
    if (t.equals("(GGGG,EEEE) WHERE GGGG IS ODD")) {
      return PRIVATE;
    }
    if (!t.matches("\\([0-9A-FX]{4},[0-9A-FX]{4}\\)")) {
      throw new IllegalStateException(where + ": tag '" + tag + "' is not (GGGG,EEEE) in hexadecimal, X for a repeating digit");
    }
    return t.substring(1, 10);
  }

  boolean isPrivateAttributes() {
    return tagPattern.equals(PRIVATE);
  }

  /** The tag as one number (only for a row without X). */
  int key() {
    return Integer.parseUnsignedInt(tagPattern.replace(",", ""), 16);
  }

  boolean matches(AttributeTag tag) {
    if (isPrivateAttributes()) {
      return tag.isPrivate();
    }
    String text = String.format(java.util.Locale.ROOT, "%04X,%04X", tag.getGroup(), tag.getElement());
    for (int i = 0; i < text.length(); i++) {
      char p = tagPattern.charAt(i);
      if (p != 'X' && p != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The treatment under the given options: "a requirement for an Option, when implemented, overrides
   * any requirement for the underlying Profile" (PS3.15 E.1.1). Where two options disagree (Retain
   * Device Identity keeps a calibration date, Retain Modified Dates shifts it: the only such rows), C
   * wins: a true date beside shifted ones would reveal the patient's shift.
   */
  Treatment under(Set<DeidOption> applied) {
    Treatment chosen = basic;
    for (DeidOption o : applied) {
      Treatment t = options.get(o);
      if (t == Treatment.CLEAN) {
        return Treatment.CLEAN;
      }
      if (t == Treatment.KEEP) {
        chosen = Treatment.KEEP;
      }
    }
    return chosen;
  }

  @Override
  public String toString() {
    return (isPrivateAttributes() ? "(GGGG,EEEE) odd" : "(" + tagPattern + ")") + " " + name + " [" + action + "]";
  }
}
