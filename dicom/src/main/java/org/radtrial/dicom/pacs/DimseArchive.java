package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A DIMSE archive (C-FIND, C-GET or C-MOVE, C-STORE) through PixelMed. */
final class DimseArchive implements Archive {
  DimseArchive(ArchiveAddress.Dimse address, ArchiveSettings settings) {
    throw new IllegalArgumentException("DIMSE is not available yet");
  }

  @Override
  public List<String> findStudies(KeyKind kind, String value) {
    return List.of();
  }

  @Override
  public List<InstanceRef> instances(String studyUid) {
    return List.of();
  }

  @Override
  public void retrieve(String studyUid, List<InstanceRef> wanted, boolean whole, Landing landing) throws IOException {}

  @Override
  public void store(Path file) throws IOException {}

  @Override
  public void close() {}
}
