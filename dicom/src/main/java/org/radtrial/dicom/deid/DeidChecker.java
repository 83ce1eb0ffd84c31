package org.radtrial.dicom.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.radtrial.dicom.DataSet;

/**
 * Verifies a de-identified data set against Table E.1-1 ({@link BasicProfile}: the same table, and
 * the same rule for attributes it does not list, that {@link Deidentifier} applies) under the
 * options the data set itself records (DeidentificationMethodCodeSequence), at every depth of every
 * sequence. Reports each
 * attribute that still holds a value it should not: a value where the profile says remove, a
 * non-empty value where it says zero length (PatientID and PatientName may hold a radtrial
 * pseudonym), anything but a dummy where it says dummy, a UID that was not replaced, a private
 * attribute that is not (kept as) safe.
 */
public final class DeidChecker {
  private DeidChecker() {}

  public static List<String> check(AttributeList list) {
    List<String> findings = new ArrayList<>();
    if (!DataSet.value(list, "PatientIdentityRemoved").equals("YES")) {
      findings.add("PatientIdentityRemoved (0012,0062) is not YES");
    }
    Set<DeidOption> options = recordedOptions(list, findings);
    walk(list, "", options, findings);
    return findings;
  }

  private static Set<DeidOption> recordedOptions(AttributeList list, List<String> findings) {
    Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
    boolean basic = false;
    if (list.get(DataSet.tag("DeidentificationMethodCodeSequence")) instanceof SequenceAttribute s) {
      for (int i = 0; i < s.getNumberOfItems(); i++) {
        AttributeList code = s.getItem(i).getAttributeList();
        if (!DataSet.value(code, "CodingSchemeDesignator").equals("DCM")) {
          continue;
        }
        String value = DataSet.value(code, "CodeValue");
        basic |= value.equals(DeidOption.BASIC_PROFILE_CODE);
        DeidOption.ofCode(value).ifPresent(options::add);
      }
    }
    if (!basic) {
      findings.add("DeidentificationMethodCodeSequence (0012,0064) does not name the Basic Application Confidentiality Profile (113100, DCM)");
    }
    return options;
  }

  private static void walk(AttributeList list, String path, Set<DeidOption> options, List<String> findings) {
    for (Attribute a : list.values()) {
      AttributeTag tag = a.getTag();
      String where = path + DataSet.describe(tag);
      Treatment t = BasicProfile.TABLE.treatment(a, options);
      if (tag.isPrivate()) {
        if (hasValue(a) && (t != Treatment.CLEAN || !ClinicalTrialsAttributes.isSafePrivateAttribute(tag, list))) {
          findings.add(where + ": private attribute with a value" + (t == Treatment.CLEAN ? " that is not known to be safe" : ""));
        }
        continue;
      }
      if (hasValue(a)) {
        String problem = problem(tag, a, t);
        if (problem != null) {
          findings.add(where + ": " + problem);
        }
      }
      if (a instanceof SequenceAttribute s && t != Treatment.REMOVE) {
        for (int i = 0; i < s.getNumberOfItems(); i++) {
          walk(s.getItem(i).getAttributeList(), where + "[" + (i + 1) + "] > ", options, findings);
        }
      }
    }
  }

  private static String problem(AttributeTag tag, Attribute a, Treatment t) {
    String row = BasicProfile.TABLE.rule(tag).map(r -> "the profile (" + r.action() + ")")
        .orElse("radtrial's rule for attributes the table does not list");
    if ((t == Treatment.EMPTY || t == Treatment.DUMMY) && (tag.equals(TagFromName.PatientID) || tag.equals(TagFromName.PatientName))
        && values(a).stream().allMatch(PseudonymKey::isPseudonym)) {
      return null;
    }
    return switch (t) {
      case KEEP, CLEAN, REPLACE_UIDS_INSIDE -> null;
      case REMOVE -> "still holds a value (" + row + " removes it)";
      case EMPTY -> a instanceof SequenceAttribute ? "still holds items (" + row + " empties it)"
          : "still holds a value (" + row + " empties it): '" + first(a) + "'";
      case DUMMY -> a.getVRAsString().equals("UI") ? (values(a).stream().allMatch(DeidChecker::replacedUid) ? null
          : "UID '" + first(a) + "' was not replaced by a dummy UID")
          : a instanceof SequenceAttribute ? "still holds items (" + row + " replaces it with a dummy)"
          : DummyValues.isDummy(a, values(a)) ? null : "holds '" + first(a) + "', not a dummy value (" + row + ")";
      case REPLACE_UID -> values(a).stream().allMatch(DeidChecker::replacedUid) ? null : "UID '" + first(a) + "' was not replaced";
    };
  }

  private static boolean replacedUid(String v) {
    return v.isEmpty() || v.matches("2\\.25\\.\\d{1,39}") || v.startsWith("1.2.840.10008.");
  }

  private static boolean hasValue(Attribute a) {
    if (a instanceof SequenceAttribute s) {
      return s.getNumberOfItems() > 0;
    }
    return a.getVM() > 0 && values(a).stream().anyMatch(v -> !v.isBlank()) || a.getVL() > 0 && !isText(a);
  }

  private static boolean isText(Attribute a) {
    return Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT")
        .contains(a.getVRAsString());
  }

  private static List<String> values(Attribute a) {
    String[] v = Attribute.getStringValues(a);
    return v == null ? List.of() : List.of(v).stream().map(String::strip).toList();
  }

  private static String first(Attribute a) {
    List<String> v = values(a);
    return v.isEmpty() ? "(binary)" : v.get(0);
  }
}
