/**
 * DICOM images as {@link org.radtrial.core.image.Volume}s: a series folder or one multi-frame file
 * ({@link org.radtrial.dicom.image.DicomSeries}). Errors are {@link
 * org.radtrial.io.image.ImageFileException}s naming the file.
 */
package org.radtrial.dicom.image;
