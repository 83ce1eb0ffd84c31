/**
 * Images as the statistics see them: a 3-D voxel {@link org.radtrial.core.image.Grid} (size,
 * spacing in mm, origin and direction in patient coordinates) and the values on it
 * ({@link org.radtrial.core.image.Volume}). Readers (NIfTI in io, DICOM series and SEG in dicom)
 * produce these; the segmentation and reconstruction metrics take them. Pure: no files.
 */
@NullMarked
package org.radtrial.core.image;

import org.jspecify.annotations.NullMarked;
