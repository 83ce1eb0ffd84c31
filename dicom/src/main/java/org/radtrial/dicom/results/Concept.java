package org.radtrial.dicom.results;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.Objects;
import java.util.Optional;
import org.radtrial.dicom.DataSet;

/** A coded concept: code value and coding scheme (the meaning is carried for messages only). */
public record Concept(String value, String scheme, String meaning) {
  /** (111047, DCM, "Probability of cancer"): the likelihood a CAD or AI finding is malignant. */
  public static final Concept PROBABILITY_OF_CANCER = new Concept("111047", "DCM", "Probability of cancer");
  /** (111012, DCM, "Certainty of Finding"): Mammography CAD SR's confidence in a finding. */
  public static final Concept CERTAINTY_OF_FINDING = new Concept("111012", "DCM", "Certainty of Finding");
  /** (121071, DCM, "Finding"): TID 1500's finding in a measurement group. */
  public static final Concept FINDING = new Concept("121071", "DCM", "Finding");
  /** (111059, DCM, "Single Image Finding"): Mammography CAD SR. */
  public static final Concept SINGLE_IMAGE_FINDING = new Concept("111059", "DCM", "Single Image Finding");
  /** (363698007, SCT, "Finding Site"). */
  public static final Concept FINDING_SITE = new Concept("363698007", "SCT", "Finding Site");
  /** (272741003, SCT, "Laterality"). */
  public static final Concept LATERALITY = new Concept("272741003", "SCT", "Laterality");

  /** (111010, DCM, "Center"): Mammography CAD SR's centre of a finding, preferred over its outline. */
  public static final Concept CENTER = new Concept("111010", "DCM", "Center");

  public Concept {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(scheme, "scheme");
    meaning = meaning == null ? "" : meaning;
  }

  /** Same code value and scheme, whatever the meaning's wording. */
  public boolean sameCode(Concept other) {
    return value.equals(other.value) && scheme.equals(other.scheme);
  }

  /** Parses "VALUE,SCHEME" (e.g. "111047,DCM"). */
  public static Concept parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("--score-concept " + text + ": write CODE_VALUE,SCHEME, e.g. 111047,DCM");
    }
    return new Concept(parts[0].strip(), parts[1].strip(), "");
  }

  /** The first item of a code sequence in the list, if any. */
  static Optional<Concept> of(AttributeList list, String sequenceKeyword) {
    if (list.get(DataSet.tag(sequenceKeyword)) instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
      AttributeList code = s.getItem(0).getAttributeList();
      return Optional.of(new Concept(DataSet.value(code, "CodeValue"), DataSet.value(code, "CodingSchemeDesignator"),
          DataSet.value(code, "CodeMeaning")));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "(" + value + ", " + scheme + (meaning.isEmpty() ? "" : ", \"" + meaning + "\"") + ")";
  }
}
