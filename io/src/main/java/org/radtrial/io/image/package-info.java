/**
 * Image files outside DICOM: NIfTI-1 ({@code .nii}, {@code .nii.gz}) read into and written from
 * {@link org.radtrial.core.image.Volume}, with the RAS→LPS conversion stated in {@link
 * org.radtrial.io.image.Nifti}. Every problem with a file is an {@link
 * org.radtrial.io.image.ImageFileException} whose one-line message names the file and what is wrong.
 */
@NullMarked
package org.radtrial.io.image;

import org.jspecify.annotations.NullMarked;
