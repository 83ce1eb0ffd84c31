package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtrial.core.lesions.CellResult;
import org.radtrial.core.lesions.HeadToHead;
import org.radtrial.core.lesions.LesionResult;
import org.radtrial.core.lesions.LocalizationFigure;
import org.radtrial.core.lesions.MatchCriterion;
import org.radtrial.core.lesions.ModelDifference;
import org.radtrial.core.lesions.ModelEstimate;
import org.radtrial.core.mrmc.GlobalTest;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.stat.Interval;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial lesions}: lesion-level evidence from free-response (FROC) marks. */
@Command(
    name = "lesions",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lesion-level evidence: whether the readers or the AI find the lesions, and at what cost in false marks.",
      "Reads already-classified marks in RJafroc's layout: --truth (case_id, lesion_id, weight; a normal case has one"
          + " row with lesion_id 0), --nl (reader, modality, case_id, rating) and --ll (reader, modality, case_id,"
          + " lesion_id, rating).",
      "Per reader and modality: wAFROC (the JAFROC figure of merit), AFROC, wAFROC1, AFROC1, the inferred-ROC AUC,"
          + " the FROC curve and LUNA16's sensitivity at 1/8 to 8 false marks per case with its CPM.",
      "With two or more readers and modalities, the Obuchowski-Rockette analysis of wAFROC (jackknife over cases,"
          + " Hillis ddf), as RJafroc's St(dataset, FOM = \"wAFROC\", method = \"OR\").",
      "Or located marks of one or more models: --truth with lesion locations (case_id, lesion_id, x, y[, z], radius or"
          + " diameter, or a box x0, y0, x1, y1) and --marks (model, case_id, x, y[, z], confidence[, box]), matched by"
          + " --match (LUNA16's rule: a lesion keeps its most confident mark, its other marks are neither hits nor false).",
      "Writes OUT/results.json (see docs/lesions.md) and OUT/report.html (its HTML report, unless --no-report) and prints"
          + " a summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class LesionsCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--truth", required = true, paramLabel = "FILE", description = "Truth table (CSV).")
  Path truth;

  @Option(names = "--nl", paramLabel = "FILE", description = "Non-lesion localizations (CSV, RJafroc's layout).")
  Path nl;

  @Option(names = "--ll", paramLabel = "FILE", description = "Lesion localizations (CSV, RJafroc's layout).")
  Path ll;

  @Option(names = "--marks", paramLabel = "FILE", description = "Located marks of one or more models (CSV), instead of"
      + " --nl and --ll.")
  Path marks;

  @Option(names = "--match", paramLabel = "RULE", defaultValue = "radius",
      description = "With --marks: 'radius' (centre within the lesion's radius, LUNA16), 'iou:T' (box IoU ≥ T,"
          + " DeepLesion uses iou:0.5), or 'mask' / 'mask:voxel' (centre inside the lesion's label in the case's NIfTI"
          + " label image, truth columns mask and mask_label; marks in patient mm or in voxel coordinates)"
          + " (default: ${DEFAULT-VALUE}).")
  String match;

  @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000",
      description = "Bootstrap replicates for the models' intervals when there is one modality (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20240101",
      description = "Seed of the bootstrap's case draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ProgressOption progress = new ProgressOption();

  @Option(names = "--no-report", description = "Do not write report.html.")
  boolean noReport;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-lesions",
      description = "Folder for results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    ResultsFolder folder = new ResultsFolder(out, !noReport);
    folder.check();
    RunRequest request;
    if (marks != null) {
      if (nl != null || ll != null) {
        throw new IllegalArgumentException("give either --marks (located marks) or --nl and --ll (classified marks), not both");
      }
      request = new RunRequest.LocatedLesions(truth, marks, criterion(match), ciLevel, bootstrap, seed);
    } else {
      if (nl == null || ll == null) {
        throw new IllegalArgumentException("name the marks: --nl and --ll (RJafroc's layout), or --marks (located marks)");
      }
      request = new RunRequest.Lesions(truth, nl, ll, ciLevel, bootstrap, seed);
    }
    PrintWriter err = command.commandLine().getErr();
    RunRequest asked = request;
    RunOutcome.Localized run = progress.ending(err,
        () -> (RunOutcome.Localized) EvaluationRun.execute(command, asked, folder, progress.bar(err, "bootstrap")));
    PrintWriter stdout = command.commandLine().getOut();
    print(stdout, run.lesions());
    if (run.models() != null) {
      print(stdout, run.models());
    }
    EvaluationRun.printWritten(stdout, folder);
    stdout.flush();
    return 0;
  }

  private static void print(PrintWriter out, LesionResult r) {
    out.printf(Locale.ROOT, "%d cases (%d normal, %d with lesions), %d lesions; %s%n%n", r.cases(), r.normals(),
        r.abnormals(), r.lesions(), r.modalities().size() == 1 ? r.readers().size() + " readers or models in one modality"
            : r.modalities().size() + " modalities x " + r.readers().size() + " readers");
    Table figures = new Table("modality", "reader", "wAFROC", "AFROC", "inferred ROC", "max LLF", "max NLF", "CPM");
    for (CellResult c : r.cells()) {
      figures.row(c.modality(), c.reader(), f4(c.value(LocalizationFigure.WAFROC)), f4(c.value(LocalizationFigure.AFROC)),
          f4(c.value(LocalizationFigure.INFERRED_ROC)), f4(c.froc().endPoint().llf()), f4(c.froc().endPoint().nlf()),
          f4(c.froc().cpm()));
    }
    figures.print(out, "Figures of merit (" + r.primary().label() + " is the primary)");
    if (r.readerStudy() == null) {
      if (r.modalities().size() > 1) {
        out.println("No reader-study analysis: it needs at least two modalities and two readers.");
        out.println();
      }
      return;
    }
    GlobalTest test = r.readerStudy().obuchowskiRockette().randomReadersRandomCases().test();
    if (test != null) {
      out.printf(Locale.ROOT, "Obuchowski-Rockette, %s, random readers and cases: F = %.3f on %.0f and %.2f df, p = %.3g%n%n",
          r.primary().label(), test.statistic(), test.ndf(), test.ddf(), test.p());
    }
    Table diffs = new Table("difference", "estimate", "SE", "df", "p", String.format(Locale.ROOT, "%.0f%% CI", 100 * r.ciLevel()));
    for (ModalityDifference d : r.readerStudy().obuchowskiRockette().randomReadersRandomCases().differences()) {
      diffs.row(d.first() + " - " + d.second(), String.format(Locale.ROOT, "%.5f", d.estimate()),
          String.format(Locale.ROOT, "%.4f", d.standardError()), String.format(Locale.ROOT, "%.1f", d.df()),
          String.format(Locale.ROOT, "%.3g", d.p()),
          String.format(Locale.ROOT, "[%.5f, %.5f]", d.ci().lower(), d.ci().upper()));
    }
    diffs.print(out, "Modality differences in " + r.primary().label());
  }

  private static void print(PrintWriter out, HeadToHead.Result h) {
    String level = String.format(Locale.ROOT, "%.0f%%", 100 * h.level());
    Table models = new Table("model", h.primary().label(), level + " CI", "CPM", level + " CI");
    for (ModelEstimate m : h.models()) {
      models.row(m.model(), f4(m.primary()), ci(m.primaryCi()), f4(m.cpm()), ci(m.cpmCi()));
    }
    models.print(out, "Models (" + h.replicates() + " bootstrap replicates over cases, seed " + h.seed() + ")");
    if (h.differences().isEmpty()) {
      return;
    }
    Table pairs = new Table("models", "difference", level + " CI", "p", "p (Holm)", "CPM difference", level + " CI");
    for (ModelDifference d : h.differences()) {
      pairs.row(d.first() + " - " + d.second(), String.format(Locale.ROOT, "%.4f", d.primaryDifference()), ci(d.primaryCi()),
          String.format(Locale.ROOT, "%.3g", d.p()), String.format(Locale.ROOT, "%.3g", d.pHolm()),
          String.format(Locale.ROOT, "%.4f", d.cpmDifference()), ci(d.cpmCi()));
    }
    pairs.print(out, "Models head-to-head in " + h.primary().label() + " (jackknife SE) and CPM (bootstrap)");
  }

  private static String ci(Interval i) {
    return String.format(Locale.ROOT, "[%.4f, %.4f]", i.lower(), i.upper());
  }

  static MatchCriterion criterion(String rule) {
    String r = rule.trim().toLowerCase(Locale.ROOT);
    if (r.equals("radius")) {
      return new MatchCriterion.WithinRadius();
    }
    if (r.equals("mask") || r.equals("mask:voxel")) {
      return new MatchCriterion.InsideMask(r.equals("mask:voxel"));
    }
    if (r.startsWith("iou:")) {
      try {
        return new MatchCriterion.BoxIou(Double.parseDouble(r.substring(4)));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("--match '" + rule + "' is not 'radius', 'iou:T' with T in (0, 1] (e.g. iou:0.5), 'mask' or 'mask:voxel'");
  }

  private static String f4(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
  }
}
