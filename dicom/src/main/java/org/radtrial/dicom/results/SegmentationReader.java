package org.radtrial.dicom.results;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.scan.DicomValues;

/** Reads the segments (SegmentSequence) and per-frame references (PerFrameFunctionalGroupsSequence) of a SEG. */
public final class SegmentationReader {
  public static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";

  private SegmentationReader() {}

  public static Segmentation read(AttributeList seg, String file, List<String> problems) {
    String sop = DataSet.value(seg, "SOPInstanceUID");
    List<SegmentFrame> frames = new ArrayList<>();
    Map<Integer, Integer> framesPerSegment = new HashMap<>();
    List<AttributeList> perFrame = items(seg, "PerFrameFunctionalGroupsSequence");
    for (int f = 0; f < perFrame.size(); f++) {
      AttributeList group = perFrame.get(f);
      int segment = first(group, "SegmentIdentificationSequence")
          .map(i -> DicomValues.integerString(DataSet.value(i, "ReferencedSegmentNumber")).orElse(-1L).intValue()).orElse(-1);
      if (segment < 0) {
        problems.add("frame " + (f + 1) + " has no ReferencedSegmentNumber in its SegmentIdentificationSequence");
      }
      String source = first(group, "DerivationImageSequence").flatMap(d -> first(d, "SourceImageSequence"))
          .map(s -> DataSet.value(s, "ReferencedSOPInstanceUID")).orElse("");
      String position = first(group, "PlanePositionSequence")
          .map(p -> Attribute.getDelimitedStringValuesOrEmptyString(p, DataSet.tag("ImagePositionPatient"))).orElse("");
      frames.add(new SegmentFrame(file, sop, f + 1, segment, source, position));
      framesPerSegment.merge(segment, 1, Integer::sum);
    }
    List<Segment> segments = new ArrayList<>();
    for (AttributeList s : items(seg, "SegmentSequence")) {
      int number = DicomValues.integerString(DataSet.value(s, "SegmentNumber")).orElse(-1L).intValue();
      if (number < 0) {
        problems.add("a SegmentSequence item has no valid SegmentNumber");
      }
      segments.add(new Segment(file, sop, DataSet.value(seg, "StudyInstanceUID"), number, DataSet.value(s, "SegmentLabel"),
          meaning(s, "SegmentedPropertyCategoryCodeSequence"), meaning(s, "SegmentedPropertyTypeCodeSequence"),
          DataSet.value(s, "SegmentAlgorithmType"), DataSet.value(s, "SegmentAlgorithmName"),
          framesPerSegment.getOrDefault(number, 0)));
    }
    return new Segmentation(segments, frames);
  }

  private static String meaning(AttributeList item, String sequence) {
    return Concept.of(item, sequence).map(Concept::meaning).orElse("");
  }

  private static List<AttributeList> items(AttributeList list, String sequence) {
    List<AttributeList> items = new ArrayList<>();
    if (list.get(DataSet.tag(sequence)) instanceof SequenceAttribute s) {
      for (int i = 0; i < s.getNumberOfItems(); i++) {
        items.add(s.getItem(i).getAttributeList());
      }
    }
    return items;
  }

  private static java.util.Optional<AttributeList> first(AttributeList list, String sequence) {
    List<AttributeList> items = items(list, sequence);
    return items.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(items.get(0));
  }
}
