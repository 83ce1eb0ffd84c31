package org.radtrial.dicom.results;

import java.util.List;

/** A DICOM Segmentation's segments and frames (pixel values are not read here). */
public record Segmentation(List<Segment> segments, List<SegmentFrame> frames) {
  public Segmentation {
    segments = List.copyOf(segments);
    frames = List.copyOf(frames);
  }
}
