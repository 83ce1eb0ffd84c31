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
      Path target = output.resolve(name);
      try {
        bytes += Files.size(file);
        Optional<String> notDicom = DicomFiles.notDicom(file);
        if (notDicom.isPresent()) { // the same plain reason as 'radtrial dicom scan' gives
          failures.add(new ScanProblem(name, Severity.ERROR, notDicom.get()));
          listener.scanned(k + 1, files.size(), bytes);
          continue;
        }
        if (Files.exists(target)) {
          AttributeList header = DicomFiles.readHeader(file);
          String id = DataSet.value(header, TagFromName.PatientID);
          String pseudonym = DataSet.value(DicomFiles.readHeader(target), TagFromName.PatientID);
          pseudonyms.put(id.isEmpty() ? "(no PatientID)" : id, pseudonym);
          resumed++;
        } else {
          AttributeList list = DicomFiles.readAll(file);
          String syntax = DataSet.value(list, TagFromName.TransferSyntaxUID);
          Optional<String> reason = BurnedInText.reason(list);
          Deidentifier.Outcome outcome = deidentifier.apply(list);
          pseudonyms.put(outcome.originalPatientId().isEmpty() ? "(no PatientID)" : outcome.originalPatientId(), outcome.pseudonym());
          if (reason.isPresent()) {
            String action = blank.isEmpty() ? "review" : PixelBlanker.blank(withSyntax(list, syntax), blank).orElse("blanked");
            toReview.add(List.of(name, reason.get(), action));
          }
          write(list, syntax, target);
          written++;
        }
      } catch (DicomFileException e) {
        String m = e.getMessage(); // the problem is listed with its file: the path is not repeated
        failures.add(new ScanProblem(name, Severity.ERROR, m.startsWith(file + ": ") ? m.substring(file.toString().length() + 2) : m));
      } catch (IOException | RuntimeException e) {
        failures.add(new ScanProblem(name, Severity.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
      listener.scanned(k + 1, files.size(), bytes);
    }
    TableFile.write(mapping, List.of(Column.text("patient_id"), Column.text("pseudonym")),
        pseudonyms.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    try {
      OwnerOnly.restrict(mapping); // re-identifies patients: owner-only, like the key
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot make " + mapping + " owner-only (chmod 600)", e);
    }
    TableFile.write(review, List.of(Column.text("file"), Column.text("reason"), Column.text("action")), toReview);
    return new Summary(files.size(), written, resumed, failures, toReview, pseudonyms);
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
