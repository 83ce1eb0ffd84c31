package org.radtrial.dicom.deid;

import com.pixelmed.dicom.AttributeTag;
import java.util.Map;
import java.util.Set;

/** One row of Table E.1-1: a tag (or repeating-group pattern), its keyword, and its actions. */
record ProfileRule(String tagPattern, String keyword, Treatment basic, Map<DeidOption, Treatment> options) {
  ProfileRule {
    if (!tagPattern.matches("[0-9A-Fx]{4},[0-9A-Fx]{4}")) {
      throw new IllegalArgumentException("bad tag pattern " + tagPattern);
    }
    options = Map.copyOf(options);
  }

  boolean matches(AttributeTag tag) {
    String text = String.format("%04X,%04X", tag.getGroup(), tag.getElement());
    for (int i = 0; i < text.length(); i++) {
      char p = tagPattern.charAt(i);
      if (p != 'x' && p != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The treatment under the given options: an option's K beats its C, either beats the basic action. */
  Treatment under(Set<DeidOption> applied) {
    Treatment chosen = basic;
    for (DeidOption o : applied) {
      Treatment t = options.get(o);
      if (t == Treatment.KEEP) {
        return Treatment.KEEP;
      }
      if (t == Treatment.CLEAN) {
        chosen = Treatment.CLEAN;
      }
    }
    return chosen;
  }
}
