package org.radtrial.dicom.results;

/**
 * One segment of a DICOM Segmentation (an item of SegmentSequence).
 *
 * @param file the SEG file, relative to the folder read
 * @param sopInstanceUid the SEG's SOPInstanceUID
 * @param studyInstanceUid its study
 * @param number SegmentNumber
 * @param label SegmentLabel
 * @param category SegmentedPropertyCategoryCodeSequence's meaning
 * @param type SegmentedPropertyTypeCodeSequence's meaning
 * @param algorithmType SegmentAlgorithmType (AUTOMATIC, SEMIAUTOMATIC, MANUAL)
 * @param algorithmName SegmentAlgorithmName
 * @param frames how many frames hold this segment
 */
public record Segment(String file, String sopInstanceUid, String studyInstanceUid, int number, String label, String category,
    String type, String algorithmType, String algorithmName, int frames) {}
