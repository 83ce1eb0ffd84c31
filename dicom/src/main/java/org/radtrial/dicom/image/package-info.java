/**
 * DICOM images as {@link org.radtrial.core.image.Volume}s: a series folder or one multi-frame file
 * ({@link org.radtrial.dicom.image.DicomSeries}), a SEG's segments as masks on its source series'
 * grid ({@link org.radtrial.dicom.image.SegmentationMasks}), a minimal binary SEG writer
 * ({@link org.radtrial.dicom.image.SegmentationWriter}), the PET SUV scale from headers
 * ({@link org.radtrial.dicom.image.PetSuv}) and one entry point for every image file, NIfTI
 * included ({@link org.radtrial.dicom.image.ImageFiles}). Errors are {@link
 * org.radtrial.io.image.ImageFileException}s naming the file.
 */
package org.radtrial.dicom.image;
