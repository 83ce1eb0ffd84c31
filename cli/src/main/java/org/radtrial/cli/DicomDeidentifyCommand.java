package org.radtrial.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.radtrial.dicom.deid.DeidOption;
import org.radtrial.dicom.deid.DeidSettings;
import org.radtrial.dicom.deid.DeidentifyRun;
import org.radtrial.dicom.deid.PseudonymKey;
import org.radtrial.dicom.deid.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom deidentify}: the PS3.15 Basic Profile with the options a study needs. */
@Command(
    name = "deidentify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "De-identify every DICOM file under IN into OUT (same relative paths) by the DICOM PS3.15 Annex E Basic",
      "Application Level Confidentiality Profile, with the options below. UIDs are replaced by keyed values (the",
      "same input UID gives the same output UID in every run with the same --key), PatientID and PatientName by a",
      "keyed pseudonym, written with the original PatientID to --mapping (keep it apart, or destroy it). Pixel",
      "data is copied unchanged; images that may carry burned-in text are listed in --review (and blanked where",
      "--blank says). IN is never modified. A rerun skips files already written, so an interrupted run resumes.",
      "The result is checked by 'radtrial dicom check-deid OUT'. See docs/dicom.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file de-identified", "1:internal error", "2:bad options, or some files could not be read (listed)"})
final class DicomDeidentifyCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Parameters(index = "0", paramLabel = "IN", description = "Folder of DICOM files (only read).")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Folder to write the de-identified files to.")
  Path out;

  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "Secret key file (hex); created owner-only (mode 600) with a random key if it does not exist. Keep it to stay"
          + " consistent across runs; a warning is printed if others can read it.")
  Path key;

  @Option(names = "--mapping", required = true, paramLabel = "FILE",
      description = "CSV written owner-only (mode 600) with patient_id,pseudonym: re-identifies patients, so it must not be inside OUT.")
  Path mapping;

  @Option(names = "--review", paramLabel = "FILE",
      description = "CSV of images that may carry burned-in text (default: OUT's name + '-review.csv', beside OUT).")
  Path review;

  @Option(names = "--retain-patient-characteristics", description = "Keep age, sex, size, weight (113108; the audit needs age and sex).")
  boolean patientCharacteristics;

  @Option(names = "--retain-device-identity", description = "Keep device serial number, station name and the like (113109).")
  boolean deviceIdentity;

  @Option(names = "--retain-modified-dates",
      description = "Keep dates, moved back by a keyed number of days (1 to 3652) that is the same for every file of a patient (113107).")
  boolean modifiedDates;

  @Option(names = "--clean-descriptors",
      description = "Keep descriptions and comments, with the patient's and staff's names and identifiers cut out (113105).")
  boolean cleanDescriptors;

  @Option(names = "--retain-safe-private", description = "Keep private attributes known to be safe, remove the others (113111).")
  boolean safePrivate;

  @Option(names = "--clean-structured-content",
      description = "Keep SR content (AI findings), every item de-identified by the table and its text cleaned (113104); without it"
          + " ContentSequence is emptied.")
  boolean cleanStructuredContent;

  @Option(names = "--blank", paramLabel = "X,Y,W,H",
      description = "Blank this region (pixels) of every image listed for review, if its pixel data is uncompressed; repeatable.")
  List<String> blank = new ArrayList<>();

  @Override
  public Integer call() {
    List<Region> regions = blank.stream().map(Region::parse).toList();
    Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
    if (patientCharacteristics) {
      options.add(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
    }
    if (deviceIdentity) {
      options.add(DeidOption.RETAIN_DEVICE_IDENTITY);
    }
    if (modifiedDates) {
      options.add(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES);
    }
    if (cleanDescriptors) {
      options.add(DeidOption.CLEAN_DESCRIPTORS);
    }
    if (safePrivate) {
      options.add(DeidOption.RETAIN_SAFE_PRIVATE);
    }
    if (cleanStructuredContent) {
      options.add(DeidOption.CLEAN_STRUCTURED_CONTENT);
    }
    if (key.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--key " + key + " is inside OUT: keep the key apart from the data it protects");
    }
    PseudonymKey.Loaded loaded = PseudonymKey.loadOrCreate(key);
    var stdout = command.commandLine().getOut();
    if (loaded.created()) {
      stdout.println("Created a new key in " + key + " (owner-only, mode rw-------): keep it to replace UIDs the same way next time");
    }
    loaded.warnings().forEach(w -> command.commandLine().getErr().println("radtrial: warning: " + w));
    Path reviewFile = review != null ? review : out.toAbsolutePath().resolveSibling(out.getFileName() + "-review.csv");
    DeidentifyRun.Summary s = DeidentifyRun.run(in, out, mapping, reviewFile, new DeidSettings(options, loaded.key()), regions,
        new RateProgressBar(command.commandLine().getErr(), "de-identifying"));
    stdout.printf("%d files: %d de-identified, %d already done (resumed), %d failed%n", s.files(), s.written(), s.resumed(),
        s.failures().size());
    s.failures().forEach(f -> stdout.println("  " + f));
    stdout.printf("%d patients in %s; %d images to review for burned-in text in %s%n", s.pseudonyms().size(), mapping,
        s.review().size(), reviewFile);
    stdout.println("Check with: radtrial dicom check-deid " + out);
    stdout.flush();
    return s.failures().isEmpty() ? 0 : Radtrial.BAD_INPUT;
  }
}
