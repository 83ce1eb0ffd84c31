package org.radtrial.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;

/** Builds PixelMed attribute lists by keyword, with the dictionary's VR: {@code set(list, "PatientName", "Doe^Jane")}. */
public final class DataSet {
  private static final DicomDictionary DICTIONARY = AttributeList.getDictionary();

  private DataSet() {}

  /** The tag of a keyword of the standard's data dictionary. */
  public static AttributeTag tag(String keyword) {
    AttributeTag tag = DICTIONARY.getTagFromName(keyword);
    if (tag == null) {
      throw new IllegalArgumentException("not a DICOM keyword: " + keyword);
    }
    return tag;
  }

  /** Sets (replaces) an attribute with the given values; no values gives a zero-length attribute. */
  public static Attribute set(AttributeList list, String keyword, String... values) {
    return set(list, tag(keyword), values);
  }

  public static Attribute set(AttributeList list, AttributeTag tag, String... values) {
    try {
      byte[] vr = DICTIONARY.getValueRepresentationFromTag(tag);
      // private and unknown tags have no VR in the dictionary: LO holds the text values this class writes
      Attribute a = AttributeFactory.newAttribute(tag, vr == null ? "LO".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : vr);
      for (String v : values) {
        a.addValue(v);
      }
      list.put(a);
      return a;
    } catch (DicomException e) {
      throw new IllegalArgumentException("cannot set " + DICTIONARY.getNameFromTag(tag) + ": " + e.getMessage(), e);
    }
  }

  /** Adds an item to a sequence (created if absent) and returns the item's list. */
  public static AttributeList addItem(AttributeList list, String sequenceKeyword) {
    AttributeTag tag = tag(sequenceKeyword);
    SequenceAttribute sequence = list.get(tag) instanceof SequenceAttribute s ? s : new SequenceAttribute(tag);
    list.put(sequence);
    AttributeList item = new AttributeList();
    sequence.addItem(item);
    return item;
  }

  /** Adds a coded item (value, scheme, meaning) to a code sequence. */
  public static void code(AttributeList list, String sequenceKeyword, String value, String scheme, String meaning) {
    try {
      AttributeTag tag = tag(sequenceKeyword);
      SequenceAttribute sequence = list.get(tag) instanceof SequenceAttribute s ? s : new SequenceAttribute(tag);
      list.put(sequence);
      sequence.addItem(new CodedSequenceItem(value, scheme, meaning).getAttributeList());
    } catch (DicomException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The first value of an attribute, stripped, or "". */
  public static String value(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
  }

  public static String value(AttributeList list, String keyword) {
    return value(list, tag(keyword));
  }

  /** The keyword of a tag, or its (gggg,eeee) form for private and unknown tags. */
  public static String describe(AttributeTag tag) {
    String keyword = tag.isPrivate() ? null : DICTIONARY.getNameFromTag(tag);
    String numbers = String.format(java.util.Locale.ROOT, "(%04X,%04X)", tag.getGroup(), tag.getElement());
    return keyword == null ? numbers : keyword + " " + numbers;
  }
}
