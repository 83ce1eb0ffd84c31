package org.radtrial.dicom.deid;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFileException;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.scan.ScanListener;
import org.radtrial.dicom.scan.ScanProblem;
import org.radtrial.dicom.scan.Severity;
import org.radtrial.dicom.table.Column;
import org.radtrial.dicom.table.TableFile;

/**
 * De-identifies a folder tree into another: the same relative paths, each file written to a
 * temporary name and renamed into place, so an interrupted run leaves only whole files and a rerun
 * skips them. The input is only read. Writes the pseudonym mapping (original PatientID to pseudonym,
 * the one file that links back to patients) and the list of images to review for burned-in text.
 */
public final class DeidentifyRun {
  private DeidentifyRun() {}

  /** What the run did. */
  public record Summary(int files, int written, int resumed, List<ScanProblem> failures, List<List<String>> review,
      Map<String, String> pseudonyms) {}

  public static Summary run(Path in, Path out, Path mapping, Path review, DeidSettings settings, List<Region> blank,
      ScanListener listener) {
    Path input = in.toAbsolutePath().normalize();
    Path output = out.toAbsolutePath().normalize();
    if (output.startsWith(input) || input.startsWith(output)) {
      throw new IllegalArgumentException("IN and OUT must not contain each other: " + in + ", " + out);
    }
    if (mapping.toAbsolutePath().normalize().startsWith(output)) {
      throw new IllegalArgumentException("--mapping " + mapping + " is inside OUT: the mapping re-identifies patients, keep it apart");
    }
    List<Path> files = DicomFiles.under(input);
    Deidentifier deidentifier = new Deidentifier(settings);
    Map<String, String> pseudonyms = new TreeMap<>();
    List<ScanProblem> failures = new ArrayList<>();
    List<List<String>> toReview = new ArrayList<>();
    int written = 0;
    int resumed = 0;
    long bytes = 0;
    for (int k = 0; k < files.size(); k++) {
      Path file = files.get(k);
      String name = DicomFiles.relative(input, file);
      try {
        bytes += Files.size(file);
      } catch (IOException e) {
        // counted below: deidentifyFile reports the file as unreadable
      }
      FileOutcome outcome = deidentifyFile(file, name, output.resolve(name), deidentifier, blank);
      switch (outcome.kind()) {
        case WRITTEN -> written++;
        case RESUMED -> resumed++;
        case FAILED -> failures.add(outcome.failure());
      }
      if (outcome.patientId() != null) {
        pseudonyms.put(outcome.patientId(), outcome.pseudonym());
      }
      if (outcome.review() != null) {
        toReview.add(outcome.review());
      }
      listener.scanned(k + 1, files.size(), bytes);
    }
    writeMapping(mapping, pseudonyms);
    writeReview(review, toReview);
    return new Summary(files.size(), written, resumed, failures, toReview, pseudonyms);
  }

  /** What became of one input file. */
  public enum Kind {
    /** de-identified and written now */
    WRITTEN,
    /** its output was already there (an earlier, interrupted run): not written again */
    RESUMED,
    /** not de-identified: {@link FileOutcome#failure()} says why */
    FAILED
  }

  /**
   * One file's outcome.
   *
   * @param patientId the original PatientID ("(no PatientID)" without one), or null for a failure
   * @param pseudonym its pseudonym, or null for a failure
   * @param review the row of the review list (file, reason, action), or null when the image needs no review
   * @param failure why the file was not de-identified, or null
   */
  public record FileOutcome(Kind kind, String patientId, String pseudonym, List<String> review, ScanProblem failure) {}

  /**
   * De-identifies one file into its target (written to a temporary name beside it and renamed), or,
   * when the target already exists, reads the pseudonym back from it; never throws for a bad file.
   * This is the whole of what {@link #run} does per file, also used by the Spark job.
   *
   * @param name the file's name relative to IN, used in problems and in the review list
   */
  public static FileOutcome deidentifyFile(Path file, String name, Path target, Deidentifier deidentifier, List<Region> blank) {
    try {
      Optional<String> notDicom = DicomFiles.notDicom(file);
      if (notDicom.isPresent()) { // the same plain reason as 'radtrial dicom scan' gives
        return failed(new ScanProblem(name, Severity.ERROR, notDicom.get()));
      }
      if (Files.exists(target)) {
        AttributeList header = DicomFiles.readHeader(file);
        String id = DataSet.value(header, TagFromName.PatientID);
        String pseudonym = DataSet.value(DicomFiles.readHeader(target), TagFromName.PatientID);
        return new FileOutcome(Kind.RESUMED, id.isEmpty() ? "(no PatientID)" : id, pseudonym, null, null);
      }
      AttributeList list = DicomFiles.readAll(file);
      String syntax = DataSet.value(list, TagFromName.TransferSyntaxUID);
      Optional<String> reason = BurnedInText.reason(list);
      Deidentifier.Outcome outcome = deidentifier.apply(list);
      List<String> review = null;
      if (reason.isPresent()) {
        String action = blank.isEmpty() ? "review" : PixelBlanker.blank(withSyntax(list, syntax), blank).orElse("blanked");
        review = List.of(name, reason.get(), action);
      }
      write(list, syntax, target);
      return new FileOutcome(Kind.WRITTEN, outcome.originalPatientId().isEmpty() ? "(no PatientID)" : outcome.originalPatientId(),
          outcome.pseudonym(), review, null);
    } catch (DicomFileException e) {
      String m = e.getMessage(); // the problem is listed with its file: the path is not repeated
      return failed(new ScanProblem(name, Severity.ERROR, m.startsWith(file + ": ") ? m.substring(file.toString().length() + 2) : m));
    } catch (IOException | RuntimeException e) {
      return failed(new ScanProblem(name, Severity.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private static FileOutcome failed(ScanProblem problem) {
    return new FileOutcome(Kind.FAILED, null, null, null, problem);
  }

  /** Writes the pseudonym mapping (patient_id, pseudonym) owner-only (rw-------): it re-identifies patients. */
  public static void writeMapping(Path mapping, Map<String, String> pseudonyms) {
    TableFile.write(mapping, List.of(Column.text("patient_id"), Column.text("pseudonym")),
        pseudonyms.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    try {
      OwnerOnly.restrict(mapping); // re-identifies patients: owner-only, like the key
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot make " + mapping + " owner-only (chmod 600)", e);
    }
  }

  /** Writes the list of images to review for burned-in text (file, reason, action). */
  public static void writeReview(Path review, List<List<String>> rows) {
    TableFile.write(review, List.of(Column.text("file"), Column.text("reason"), Column.text("action")), rows);
  }

  private static AttributeList withSyntax(AttributeList list, String syntax) {
    if (DataSet.value(list, TagFromName.TransferSyntaxUID).isEmpty()) {
      DataSet.set(list, TagFromName.TransferSyntaxUID, syntax.isEmpty() ? "1.2.840.10008.1.2.1" : syntax);
    }
    return list;
  }

  /** Writes in the input's transfer syntax (explicit VR little endian for a file without one), atomically. */
  static void write(AttributeList list, String syntax, Path target) throws IOException {
    String ts = syntax.isEmpty() ? "1.2.840.10008.1.2.1" : syntax;
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      list.removeGroupLengthAttributes();
      list.removeMetaInformationHeaderAttributes();
      FileMetaInformation.addFileMetaInformation(list, ts, "RADTRIAL");
      list.write(temporary.toFile(), ts, true, true);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target);
      }
    } catch (DicomException e) {
      throw new DicomFileException(target + ": cannot be written (" + e.getMessage() + ")", e);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
