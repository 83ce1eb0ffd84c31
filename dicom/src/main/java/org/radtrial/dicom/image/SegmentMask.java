package org.radtrial.dicom.image;

import org.radtrial.core.image.Volume;
import org.radtrial.dicom.results.Segment;

/**
 * One segment of a DICOM SEG as a binary mask on its source series' grid.
 *
 * @param segment the segment's description (number, label, codes, algorithm), as {@code dicom results} reads it
 * @param mask 1 inside the segment, 0 outside, on the source series' {@link org.radtrial.core.image.Grid}
 */
public record SegmentMask(Segment segment, Volume mask) {}
