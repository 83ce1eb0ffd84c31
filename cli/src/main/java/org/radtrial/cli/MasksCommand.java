package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtrial.core.paired.MethodSummary;
import org.radtrial.core.segment.EmptyMasks;
import org.radtrial.core.segment.SegmentationMetric;
import org.radtrial.core.segment.SegmentationResult;
import org.radtrial.core.stat.Interval;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial masks}: how well each model outlines, against the reference, case by case. */
@Command(
    name = "masks",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Segmentation: how closely each model's outline follows the reference, and whether the volumes (and PET uptake)"
          + " it measures agree.",
      "Reads a case table (--cases, CSV) with one row per case: the reference's mask file (--reference COL) and each"
          + " model's (--models COL,...): NIfTI (.nii, .nii.gz) or DICOM SEG on the series named by --series COL; paths"
          + " relative to the table. --pet COL: a DICOM PET series (SUV from its headers) or NIfTI in Bq/mL with its JSON"
          + " sidecar.",
      "Per case and label: Dice, IoU, Hausdorff distance and its 95th percentile, mean (MASD) and symmetric (ASSD) surface"
          + " distance, normalized surface Dice at --tolerance mm, relative and absolute volume difference; surfaces and"
          + " distances as DeepMind's surface-distance library; empty masks as Metrics Reloaded (a missed structure counts"
          + " at the image's diagonal, never dropped). With --pet: SUVmax, SUVpeak (1 cm3 sphere), SUVmean, MTV and TLG in"
          + " each mask.",
      "Per model: each metric's mean and median with bootstrap intervals; every pair of models head-to-head (paired"
          + " bootstrap of the mean and median difference, Wilcoxon signed-rank, Holm); the worst cases; Dice per"
          + " --group level. Masks on another grid than their reference stop the run (no silent resampling).",
      "Writes OUT/results.json (see docs/segmentation.md) and OUT/report.html (unless --no-report) and prints a summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class MasksCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--cases", required = true, paramLabel = "FILE", description = "Case table (CSV, or TSV by its .tsv name).")
  Path cases;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "Case id column.")
  String id;

  @Option(names = "--reference", required = true, paramLabel = "COL", description = "Column of the reference masks' files.")
  String reference;

  @Option(names = "--models", required = true, split = ",", paramLabel = "COL", description = "Columns of the models' mask files.")
  List<String> models;

  @Option(names = "--label", split = ",", paramLabel = "N",
      description = "Labels to compare (masks with several labels); without it every mask must be binary (0/1).")
  List<Integer> labels = new ArrayList<>();

  @Option(names = "--tolerance", paramLabel = "MM", defaultValue = "2.0",
      description = "Tolerance of the normalized surface Dice in mm (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--pet", paramLabel = "COL", description = "Column of PET volumes in SUV (NIfTI): uptake in each mask.")
  String pet;

  @Option(names = "--series", paramLabel = "COL",
      description = "Column of the DICOM series folders that DICOM SEG masks were drawn on (empty for NIfTI cases).")
  String series;

  @Option(names = "--group", split = ",", paramLabel = "COL", description = "Group columns: Dice per level (site, scanner...).")
  List<String> groups = new ArrayList<>();

  @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000",
      description = "Bootstrap replicates, at least 100 (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20240101",
      description = "Seed of the bootstrap's case draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ProgressOption progress = new ProgressOption();

  @Option(names = "--threads", paramLabel = "N", description = "Cases read and compared at once at most (default: the processors); fewer run at once when the heap cannot hold them (about 25 bytes per voxel each).")
  Integer threads;

  @Option(names = "--no-report", description = "Do not write report.html.")
  boolean noReport;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-masks",
      description = "Folder for results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    ResultsFolder folder = new ResultsFolder(out, !noReport);
    folder.check();
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    RunRequest request = new RunRequest.Masks(cases, id, reference, models, pet, series, groups, labels, tolerance,
        ciLevel, bootstrap, seed, n, StudyImages.INSTANCE);
    PrintWriter err = command.commandLine().getErr();
    RunOutcome.Segmented run = progress.ending(err,
        () -> (RunOutcome.Segmented) EvaluationRun.execute(command, request, folder, progress.bar(err, "cases")));
    PrintWriter stdout = command.commandLine().getOut();
    print(stdout, run.segmentation());
    EvaluationRun.printWritten(stdout, folder);
    stdout.flush();
    return 0;
  }

  private static final List<SegmentationMetric> SHOWN = List.of(SegmentationMetric.DICE, SegmentationMetric.HAUSDORFF_95,
      SegmentationMetric.ASSD, SegmentationMetric.SURFACE_DICE, SegmentationMetric.ABSOLUTE_VOLUME_DIFFERENCE);

  static void print(PrintWriter out, SegmentationResult r) {
    String level = String.format(Locale.ROOT, "%.0f%%", 100 * r.level());
    for (SegmentationResult.LabelResult l : r.byLabel()) {
      out.printf(Locale.ROOT, "Label %d: %d cases, %d models; surface Dice at %.2f mm%n%n", l.label(), l.cases(),
          r.models().size(), r.toleranceMm());
      List<String> header = new ArrayList<>(List.of("model"));
      for (SegmentationMetric m : SHOWN) {
        header.add(m.label() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")"));
      }
      header.add("empty: missed / false");
      Table models = new Table(header.toArray(new String[0]));
      for (SegmentationResult.ModelSummary m : l.models()) {
        List<String> row = new ArrayList<>(List.of(m.model()));
        for (SegmentationMetric metric : SHOWN) {
          MethodSummary s = m.metrics().get(metric);
          row.add(s == null ? "-" : String.format(Locale.ROOT, "%.3f %s", s.mean(), ci(s.meanCi())));
        }
        row.add(m.empty().get(EmptyMasks.PREDICTION) + " / " + m.empty().get(EmptyMasks.REFERENCE));
        models.row(row.toArray(new String[0]));
      }
      models.print(out, "Per model: mean [" + level + " CI]");
      Table pairs = new Table("metric", "models", "mean difference", level + " CI", "Wilcoxon p", "p (Holm)");
      for (SegmentationResult.MetricComparison c : l.comparisons()) {
        if (c.metric() != SegmentationMetric.DICE && c.metric() != SegmentationMetric.HAUSDORFF_95) {
          continue;
        }
        pairs.row(c.metric().label(), c.pair().first() + " - " + c.pair().second(),
            String.format(Locale.ROOT, "%.4f", c.pair().meanDifference()), ci(c.pair().meanDifferenceCi()),
            p(c.pair().wilcoxon().p()), p(c.pair().holmP()));
      }
      if (!l.comparisons().isEmpty()) {
        pairs.print(out, "Head-to-head (every metric in results.json)");
      }
      Table worst = new Table("model", "case", "Dice", "HD95 (mm)", "empty");
      for (SegmentationResult.WorstCase w : l.worst()) {
        worst.row(w.model(), w.caseId(), String.format(Locale.ROOT, "%.3f", w.dice()),
            String.format(Locale.ROOT, "%.1f", w.hausdorff95()), w.empty().key());
      }
      worst.print(out, "Worst cases to review (lowest Dice)");
    }
  }

  private static String ci(Interval i) {
    return i == null ? "-" : String.format(Locale.ROOT, "[%.3f, %.3f]", i.lower(), i.upper());
  }

  private static String p(double p) {
    return Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.3g", p);
  }
}
