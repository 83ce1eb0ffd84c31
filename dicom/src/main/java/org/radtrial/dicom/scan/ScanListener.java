package org.radtrial.dicom.scan;

/** Told after each file; called from the scanning threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ScanListener {
  ScanListener NONE = (files, total, bytes) -> {};

  /**
   * @param files files read so far
   * @param total files to read
   * @param bytes bytes in the files read so far (their sizes, not the bytes actually read)
   */
  void scanned(long files, long total, long bytes);
}
