package org.radtrial.dicom.results;

/**
 * One frame of a DICOM Segmentation: which segment it holds and which source image it was drawn on.
 *
 * @param file the SEG file
 * @param sopInstanceUid the SEG's SOPInstanceUID
 * @param frame 1-based frame number
 * @param segmentNumber ReferencedSegmentNumber of its SegmentIdentificationSequence
 * @param sourceSopInstanceUid ReferencedSOPInstanceUID of its DerivationImageSequence > SourceImageSequence, or ""
 * @param imagePosition ImagePositionPatient of its PlanePositionSequence, as "x\y\z", or ""
 */
public record SegmentFrame(String file, String sopInstanceUid, int frame, int segmentNumber, String sourceSopInstanceUid,
    String imagePosition) {}
