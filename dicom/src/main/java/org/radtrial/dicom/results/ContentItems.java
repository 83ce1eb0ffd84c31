package org.radtrial.dicom.results;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.radtrial.dicom.DataSet;

/** Navigation of an SR content tree (Content Sequence items) as PixelMed attribute lists. */
final class ContentItems {
  private ContentItems() {}

  static List<AttributeList> children(AttributeList item) {
    List<AttributeList> children = new ArrayList<>();
    if (item.get(DataSet.tag("ContentSequence")) instanceof SequenceAttribute s) {
      for (int i = 0; i < s.getNumberOfItems(); i++) {
        children.add(s.getItem(i).getAttributeList());
      }
    }
    return children;
  }

  static String valueType(AttributeList item) {
    return DataSet.value(item, "ValueType");
  }

  static Optional<Concept> name(AttributeList item) {
    return Concept.of(item, "ConceptNameCodeSequence");
  }

  static boolean named(AttributeList item, Concept concept) {
    return name(item).map(c -> c.sameCode(concept)).orElse(false);
  }

  /** A NUM item's value: MeasuredValueSequence > NumericValue. */
  static Optional<String> number(AttributeList item) {
    if (item.get(DataSet.tag("MeasuredValueSequence")) instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
      String v = DataSet.value(s.getItem(0).getAttributeList(), "NumericValue");
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
    return Optional.empty();
  }

  /** A SCOORD or SCOORD3D item's Graphic Data (empty when absent or unreadable). */
  static double[] graphicData(AttributeList item) {
    com.pixelmed.dicom.Attribute a = item.get(DataSet.tag("GraphicData"));
    if (a == null) {
      return new double[0];
    }
    try {
      return a.getDoubleValues();
    } catch (com.pixelmed.dicom.DicomException e) {
      return new double[0];
    }
  }

  /** The SOP Instance UID of a SCOORD's image: its IMAGE child's Referenced SOP Sequence, or "". */
  static String referencedImage(AttributeList scoord) {
    for (AttributeList child : children(scoord)) {
      if (valueType(child).equals("IMAGE")
          && child.get(DataSet.tag("ReferencedSOPSequence")) instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
        return DataSet.value(s.getItem(0).getAttributeList(), "ReferencedSOPInstanceUID");
      }
    }
    return "";
  }

  /** A CODE item's value: ConceptCodeSequence's meaning (else its code value). */
  static String codeMeaning(AttributeList item) {
    return Concept.of(item, "ConceptCodeSequence").map(c -> c.meaning().isEmpty() ? c.value() : c.meaning()).orElse("");
  }
}
