package org.radtrial.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.synth.LesionStudyGenerator;
import org.radtrial.core.synth.ReaderStudyGenerator;
import org.radtrial.core.synth.ScreeningCohortGenerator;
import org.radtrial.core.synth.SyntheticConsortium;
import org.radtrial.core.synth.SyntheticMasks;
import org.radtrial.io.image.SyntheticMaskFiles;
import org.radtrial.io.CaseTableWriter;
import org.radtrial.io.LocatedTablesWriter;
import org.radtrial.io.ReconPhantomWriter;
import org.radtrial.io.RatingsTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial synth}: a synthetic screening cohort with known truth. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write a SYNTHETIC breast-screening case table (no real patients): ~0.7%% cancer prevalence,",
      "metadata (age, density, vendor, site, ethnicity), two readers' recall decisions (reader_1, reader_2),",
      "the arbitration of their discordances (arbitration; empty where they agreed)",
      "and three AI models (model_a, model_b, model_c). Planted weaknesses: model_b loses accuracy on",
      "density D and on vendor C. Truth column 'cancer' (1 = cancer). The same seed gives the same table.",
      "%nWith --reader-study: instead a SYNTHETIC fully crossed reader study for 'radtrial mrmc', one row per"
          + " reading (reader, modality, case, truth, rating): readers rate every case unaided and AI-aided on a 1-5"
          + " scale, and reader 'AI' scores every case alone (1.00-5.00, modality 'AI alone'). AI-aided reading is"
          + " planted to be more accurate. Then try: radtrial mrmc --ratings synthetic-reader-study.csv"
          + " --standalone-reader AI --cut 3 --plan-readers 6,10",
      "%nWith --lesions: instead a SYNTHETIC localization study for 'radtrial lesions --marks': OUT-truth.csv (lesion"
          + " centres and diameters in mm, 200 cases by default, half normal) and OUT-marks.csv (marks of three models:"
          + " 'balanced', 'misses_small', which finds few lesions under 10 mm, and 'overmarks_dense', which adds false"
          + " marks on density D). Then try: radtrial lesions --truth synthetic-lesions-truth.csv --marks"
          + " synthetic-lesions-marks.csv --out lesions"
    })
final class SynthCommand implements Callable<Integer> {
  static final String ID = "case_id";
  static final String TRUTH = "cancer";

  @Spec CommandSpec command;

  @Option(names = "--cases", paramLabel = "N",
      description = "Number of exams (default: 50000; with --reader-study, cases: 200).")
  Integer cases;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE",
      description = "CSV file to write (default: synthetic-cohort.csv; with --reader-study, synthetic-reader-study.csv).")
  Path out;

  @Option(names = "--reader-study", description = "Write a synthetic reader study for 'radtrial mrmc' instead.")
  boolean readerStudy;

  @Option(names = "--masks", description = "Write a synthetic segmentation study for 'radtrial masks' instead: NIfTI masks"
      + " of a reference and three models with known faults, PET in SUV, and OUT/cases.csv (OUT is a folder).")
  boolean masks;

  @Option(names = "--lesions", description = "Write a synthetic localization study for 'radtrial lesions' instead.")
  boolean lesions;

  @Option(names = "--recon", description = "Write a SYNTHETIC reconstruction study for 'radtrial recon' instead: a"
      + " digital phantom with lesions of several sizes, a fast acquisition with undersampling ghosts and noise, and two"
      + " AI reconstructions with different faults (ai_smooth erases small lesions, ai_drift darkens the last slices),"
      + " lesion boxes as regions of interest, a synthetic detector's scores on each image (detector.csv, for radtrial"
      + " evaluate), into the --out directory (default: synthetic-recon; --cases default 30, one in three without lesions).")
  boolean recon;

  @Option(names = "--recon-size", split = ",", paramLabel = "NX,NY,NZ",
      description = "With --recon: voxels of each image (default: 96,96,12); with --recon-uncompressed, .nii files.")
  List<Integer> reconSize = List.of(96, 96, 12);

  @Option(names = "--recon-uncompressed", description = "With --recon: write .nii instead of .nii.gz (faster to read).")
  boolean reconUncompressed;

  @Option(names = "--readers", paramLabel = "N", defaultValue = "6",
      description = "With --reader-study: number of human readers (default: ${DEFAULT-VALUE}).")
  int readers;

  @Option(names = "--sites", paramLabel = "N",
      description = "Write a SYNTHETIC consortium instead: N site tables (site-1.csv ...) in the --out directory"
          + " (default: synthetic-consortium), differing in prevalence and vendor mix, model_a failing at the last site;"
          + " --cases is per site (default: 20000). Then try radtrial site-summary on each and radtrial pool.")
  Integer sites;

  @Option(names = "--without-weaknesses", description = "Plant no weakness: model_b is equally accurate everywhere.")
  boolean withoutWeaknesses;

  @Override
  public Integer call() {
    if (sites != null) {
      return consortium();
    }
    if (recon) {
      int k = cases == null ? 30 : cases;
      if (reconSize.size() != 3) {
        throw new IllegalArgumentException("--recon-size needs three numbers, NX,NY,NZ, was " + reconSize);
      }
      Path directory = out == null ? Path.of("synthetic-recon") : out;
      Path table = ReconPhantomWriter.write(directory, k, reconSize.get(0), reconSize.get(1), reconSize.get(2), seed,
          reconUncompressed ? ".nii" : ".nii.gz");
      command.commandLine().getOut().printf("Wrote %s: a SYNTHETIC reconstruction study, %d phantom cases of %d x %d x %d"
          + " voxels, images reference, fast, ai_smooth and ai_drift, lesion boxes in column roi (seed %d)%nAnalyse it:"
          + " radtrial recon --cases %s --id case_id --reference reference --methods fast,ai_smooth,ai_drift --roi roi"
          + " --savings %s --scanner-kw 30 --out recon%nTask-based: radtrial evaluate --cases %s --id case_id --truth lesion"
          + " --positive 1 --models reference,fast,ai_smooth,ai_drift --out detector%n", table, k, reconSize.get(0),
          reconSize.get(1), reconSize.get(2), seed, table, directory.resolve("savings.csv"), directory.resolve("detector.csv"));
      return 0;
    }
    if (masks) {
      int k = cases == null ? 20 : cases;
      Path folder = out == null ? Path.of("synthetic-masks") : out;
      SyntheticMasks study = new SyntheticMasks(seed);
      Path table = SyntheticMaskFiles.write(study, k, folder);
      String dicomCase = SyntheticDicomMasks.write(folder, study, k, seed);
      command.commandLine().getOut().printf("Wrote %s: a SYNTHETIC segmentation study, %d cases, a reference and models %s"
          + " (NIfTI masks; %s as DICOM SEG on a synthetic CT series; PET in Bq/mL with SUV sidecars; seed %d)%n"
          + "Analyse it: radtrial masks --cases %s --id case_id --reference reference --models %s --pet pet --series series"
          + " --group site,size --out masks%n", table, k, String.join(", ", SyntheticMasks.MODELS), dicomCase, seed, table,
          String.join(",", SyntheticMasks.MODELS));
      return 0;
    }
    if (lesions) {
      if (readerStudy) {
        throw new IllegalArgumentException("give --lesions or --reader-study, not both");
      }
      int k = cases == null ? 200 : cases;
      String stem = out == null ? "synthetic-lesions" : out.toString().replaceAll("\\.csv$", "");
      Path truth = Path.of(stem + "-truth.csv");
      Path marks = Path.of(stem + "-marks.csv");
      LocatedTablesWriter.write(LesionStudyGenerator.generate(k, seed), truth, marks);
      command.commandLine().getOut().printf("Wrote %s and %s: a synthetic localization study, %d cases, models %s (seed"
          + " %d)%nAnalyse it: radtrial lesions --truth %s --marks %s --out lesions%n", truth, marks, k,
          String.join(", ", LesionStudyGenerator.MODELS), seed, truth, marks);
      return 0;
    }
    if (readerStudy) {
      int k = cases == null ? 200 : cases;
      Path target = out == null ? Path.of("synthetic-reader-study.csv") : out;
      RatingsTableWriter.writeCsv(ReaderStudyGenerator.generate(readers, k, seed), target);
      command.commandLine().getOut().printf("Wrote %s: a synthetic reader study, %d readers x %d cases x 2 modalities"
          + " (unaided, AI-aided) and the AI alone (seed %d)%nAnalyse it: radtrial mrmc --ratings %s --standalone-reader"
          + " %s --cut 3 --plan-readers 6,10%n", target, readers, k, seed, target, ReaderStudyGenerator.AI);
      return 0;
    }
    if (readerStudyOnlyOptionGiven()) {
      throw new IllegalArgumentException("--readers applies only with --reader-study");
    }
    int n = cases == null ? 50000 : cases;
    Path target = out == null ? Path.of("synthetic-cohort.csv") : out;
    CaseTableWriter.writeCsv(ScreeningCohortGenerator.generate(n, seed, !withoutWeaknesses), target, ID, TRUTH);
    command.commandLine().getOut().printf("Wrote %s: %d synthetic exams (seed %d)%n", target, n, seed);
    return 0;
  }

  private int consortium() {
    if (readerStudy) {
      throw new IllegalArgumentException("--sites and --reader-study cannot be combined; choose one");
    }
    int n = cases == null ? 20000 : cases;
    Path directory = out == null ? Path.of("synthetic-consortium") : out;
    var written = new java.util.ArrayList<String>();
    for (SyntheticConsortium.Site site : SyntheticConsortium.generate(sites, n, seed)) {
      Path target = directory.resolve(site.name() + ".csv");
      CaseTableWriter.writeCsv(site.cohort(), target, ID, TRUTH);
      written.add(site.name() + " (" + site.cohort().size() + " exams, " + site.cohort().positives() + " cancers)");
    }
    var stdout = command.commandLine().getOut();
    stdout.printf("Wrote a SYNTHETIC consortium of %d sites to %s (seed %d): %s.%n%s fails at the last site.%n"
        + "Summarise each site: radtrial site-summary --site site-1 --cases %s --id %s --truth %s --positive 1"
        + " --models model_a,model_b,model_c --metadata density,vendor --threshold 0.1 --out site-1%n"
        + "then: radtrial pool --sites site-*/site-summary.json --out pooled%n", sites, directory, seed,
        String.join(", ", written), SyntheticConsortium.FAILING_MODEL, directory.resolve("site-1.csv"), ID, TRUTH);
    return 0;
  }

  private boolean readerStudyOnlyOptionGiven() {
    return command.commandLine().getParseResult().hasMatchedOption("--readers");
  }

  static Cohort write(int cases, long seed, Path out) {
    Cohort cohort = ScreeningCohortGenerator.generate(cases, seed);
    CaseTableWriter.writeCsv(cohort, out, ID, TRUTH);
    return cohort;
  }
}
