package org.radtrial.dicom.image;

import java.util.List;
import org.radtrial.core.image.Volume;

/**
 * A DICOM series (or one multi-frame file) as a volume, with what a SEG or the SUV needs to refer
 * back to it.
 *
 * @param volume the rescaled voxels (RescaleSlope × stored + RescaleIntercept: HU for CT) on an LPS grid
 * @param seriesInstanceUid the series read
 * @param studyInstanceUid its study
 * @param modality Modality (CT, MR, PT, ...)
 * @param slices slice k's source, k = 0 at the lowest position along the slice normal
 * @param skipped files under the folder that were not read, each with why ("notes.txt: not a DICOM
 *     file", "seg.dcm: a Segmentation of ...", another series' SR): nothing is left out unsaid
 */
public record SeriesVolume(Volume volume, String seriesInstanceUid, String studyInstanceUid, String modality,
    List<SliceSource> slices, List<String> skipped) {
  public SeriesVolume {
    slices = List.copyOf(slices);
    skipped = List.copyOf(skipped);
  }
}
