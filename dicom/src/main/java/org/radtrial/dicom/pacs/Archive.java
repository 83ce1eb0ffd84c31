package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An archive reached over one protocol (DICOMweb or DIMSE). Implementations are safe to call from
 * several threads; each call is bounded in time.
 *
 * <p>Query methods throw {@link PacsException} when the archive cannot be used at all (refused
 * credentials, unreachable, a malformed answer): the run stops. Retrieval throws {@link
 * IOException} when one study's transfer failed (a dropped connection): that study is reported and
 * a rerun fetches what is missing.
 */
interface Archive extends AutoCloseable {
  /** The StudyInstanceUIDs of the studies whose key attribute equals {@code value}. */
  List<String> findStudies(KeyKind kind, String value);

  /** Every instance of a study. */
  List<InstanceRef> instances(String studyUid);

  /**
   * Retrieves instances of a study into the landing.
   *
   * @param wanted the instances to fetch; when it is every instance of the study, the archive may
   *     send the study in one transfer
   * @param whole whether {@code wanted} is the whole study
   */
  void retrieve(String studyUid, List<InstanceRef> wanted, boolean whole, Landing landing) throws IOException;

  /** Stores one DICOM file. */
  void store(Path file) throws IOException;

  @Override
  void close();
}
