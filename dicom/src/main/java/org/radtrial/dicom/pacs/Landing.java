package org.radtrial.dicom.pacs;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.radtrial.dicom.DicomFileException;
import org.radtrial.dicom.DicomFiles;

/**
 * Where retrieved instances land: OUT/StudyInstanceUID/SOPInstanceUID.dcm. Each arrives in a
 * temporary file under OUT/.radtrial-pull and is renamed into place only when whole and readable,
 * so an interrupted pull leaves whole files only, and "present" means "complete": a rerun fetches
 * exactly the instances whose file is missing.
 */
final class Landing {
  static final String STAGING = ".radtrial-pull";
  private final Path out;
  private final Path staging;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final Progress onFile;

  /** Called after each file lands, with the totals so far. */
  interface Progress {
    void landed(long files, long bytes);
  }

  Landing(Path out, Progress onFile) {
    this.out = out;
    this.staging = out.resolve(STAGING);
    this.onFile = onFile;
  }

  /** The file an instance lands in. */
  Path target(InstanceRef instance) {
    return out.resolve(instance.studyUid()).resolve(instance.sopUid() + ".dcm");
  }

  boolean present(InstanceRef instance) {
    return Files.isRegularFile(target(instance));
  }

  /** A new temporary file in the staging folder. */
  Path temporary() throws IOException {
    Files.createDirectories(staging);
    return Files.createTempFile(staging, "part", ".tmp");
  }

  /** A new empty folder in the staging folder, for a toolkit that writes received files itself. */
  Path temporaryFolder() throws IOException {
    Files.createDirectories(staging);
    return Files.createTempDirectory(staging, "receive");
  }

  /** Removes a temporary folder and what is left in it. */
  void deleteFolder(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + folder, e);
    }
  }

  /** Copies a stream into a temporary file, then lands it. */
  void land(InputStream body) throws IOException {
    Path temporary = temporary();
    try {
      Files.copy(body, temporary, StandardCopyOption.REPLACE_EXISTING);
      land(temporary);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Moves a received file to its place, named by the UIDs in its own header (a file the archive
   * sent that is not DICOM is an IOException: the transfer is reported as failed).
   */
  void land(Path temporary) throws IOException {
    AttributeList header;
    try {
      header = DicomFiles.readHeader(temporary);
    } catch (DicomFileException e) {
      throw new IOException("the archive sent an object that is not a readable DICOM file", e);
    }
    String study = Attribute.getSingleStringValueOrNull(header, TagFromName.StudyInstanceUID);
    String sop = Attribute.getSingleStringValueOrNull(header, TagFromName.SOPInstanceUID);
    String series = Attribute.getSingleStringValueOrNull(header, TagFromName.SeriesInstanceUID);
    InstanceRef instance;
    try {
      instance = new InstanceRef(study == null ? "" : study, series == null ? "" : series, sop == null ? "" : sop, "");
    } catch (PacsException e) {
      throw new IOException(e.getMessage(), e);
    }
    Path target = target(instance);
    long size = Files.size(temporary);
    Files.createDirectories(target.getParent());
    if (Files.exists(target)) {
      return; // already there from an earlier transfer: the first whole copy is kept
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target);
    }
    long b = bytes.addAndGet(size);
    onFile.landed(files.incrementAndGet(), b);
  }

  long files() {
    return files.get();
  }

  long bytes() {
    return bytes.get();
  }

  /** Removes what an interrupted run left in the staging folder. */
  void clean() {
    if (Files.isDirectory(staging)) {
      deleteFolder(staging);
    }
  }
}
