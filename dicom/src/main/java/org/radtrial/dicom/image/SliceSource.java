package org.radtrial.dicom.image;

import java.nio.file.Path;

/**
 * Where one slice of a {@link SeriesVolume} came from: a file, its SOPInstanceUID and the frame in
 * it (1-based; 1 for a single-frame image). A SEG names its source images this way.
 */
public record SliceSource(Path file, String sopInstanceUid, int frame) {}
