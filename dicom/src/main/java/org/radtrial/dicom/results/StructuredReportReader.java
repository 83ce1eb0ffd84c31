package org.radtrial.dicom.results;

import com.pixelmed.dicom.AttributeList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.scan.DicomValues;

/**
 * Reads scored findings from a DICOM Structured Report: TID 1500 measurement reports (a
 * Measurement Group with a Finding and a score NUM) and the Mammography CAD SR template (a Single
 * Image Finding with Certainty of Finding or Probability of cancer). The rule that covers both: every
 * content item that holds a NUM child whose concept is a score concept is one finding; its
 * description comes from the item itself (a CODE item's value) or from its Finding / Single Image
 * Finding child, its site and laterality from its Finding Site and Laterality children. A score NUM
 * directly under the root is a finding of the whole report.
 */
public final class StructuredReportReader {
  private final List<Concept> scoreConcepts;

  /** @param scoreConcepts NUM concepts that carry a model's score, e.g. {@link Concept#PROBABILITY_OF_CANCER} */
  public StructuredReportReader(List<Concept> scoreConcepts) {
    if (scoreConcepts.isEmpty()) {
      throw new IllegalArgumentException("name at least one score concept");
    }
    this.scoreConcepts = List.copyOf(scoreConcepts);
  }

  public static List<Concept> defaultScoreConcepts() {
    return List.of(Concept.PROBABILITY_OF_CANCER, Concept.CERTAINTY_OF_FINDING);
  }

  /**
   * @param report the SR's attribute list (the root content item is the data set itself)
   * @param file for the findings and for messages
   * @param model the model's name
   * @param problems receives a sentence per score that is not a number
   */
  public List<Finding> read(AttributeList report, String file, String model, List<String> problems) {
    List<Finding> findings = new ArrayList<>();
    visit(report, report, file, model, findings, problems, true);
    return findings;
  }

  private void visit(AttributeList report, AttributeList item, String file, String model, List<Finding> findings,
      List<String> problems, boolean root) {
    for (AttributeList child : ContentItems.children(item)) {
      if (ContentItems.valueType(child).equals("NUM")) {
        Optional<Concept> scoreConcept = scoreConcept(child);
        if (scoreConcept.isPresent()) {
          String text = ContentItems.number(child).orElse("");
          Optional<Double> score = DicomValues.decimalString(text);
          if (score.isEmpty()) {
            problems.add("the " + scoreConcept.get() + " of " + describe(item, root) + " is '" + text + "', not a number");
          } else {
            findings.add(new Finding(file, DataSet.value(report, "StudyInstanceUID"), DataSet.value(report, "AccessionNumber"),
                model, describe(item, root), childCode(item, Concept.FINDING_SITE), childCode(item, Concept.LATERALITY),
                scoreConcept.get(), score.get(), root ? null : region(item, describe(item, root), problems)));
          }
        }
      }
      visit(report, child, file, model, findings, problems, false);
    }
  }

  /**
   * The finding's SCOORD or SCOORD3D child (its Center when it has several), reduced to an {@link ImageRegion};
   * null without one. Malformed Graphic Data is a problem, and the finding is kept without its region.
   */
  private static ImageRegion region(AttributeList item, String what, List<String> problems) {
    AttributeList chosen = null;
    for (AttributeList child : ContentItems.children(item)) {
      String type = ContentItems.valueType(child);
      if (type.equals("SCOORD") || type.equals("SCOORD3D")) {
        if (chosen == null || ContentItems.named(child, Concept.CENTER)) {
          chosen = child;
        }
      }
    }
    if (chosen == null) {
      return null;
    }
    boolean threeD = ContentItems.valueType(chosen).equals("SCOORD3D");
    try {
      return ImageRegion.of(DataSet.value(chosen, "GraphicType"), threeD, ContentItems.graphicData(chosen),
          threeD ? DataSet.value(chosen, "ReferencedFrameOfReferenceUID") : ContentItems.referencedImage(chosen));
    } catch (IllegalArgumentException e) {
      problems.add("the image region of " + what + " is not used: " + e.getMessage());
      return null;
    }
  }

  private Optional<Concept> scoreConcept(AttributeList num) {
    Optional<Concept> name = ContentItems.name(num);
    return name.filter(n -> scoreConcepts.stream().anyMatch(n::sameCode));
  }

  private static String describe(AttributeList item, boolean root) {
    if (root) {
      return "(report)";
    }
    if (ContentItems.valueType(item).equals("CODE")) {
      return ContentItems.codeMeaning(item);
    }
    for (Concept kind : List.of(Concept.FINDING, Concept.SINGLE_IMAGE_FINDING)) {
      String found = childCode(item, kind);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return ContentItems.name(item).map(Concept::meaning).orElse("");
  }

  private static String childCode(AttributeList item, Concept concept) {
    for (AttributeList child : ContentItems.children(item)) {
      if (ContentItems.valueType(child).equals("CODE") && ContentItems.named(child, concept)) {
        return ContentItems.codeMeaning(child);
      }
    }
    return "";
  }
}
