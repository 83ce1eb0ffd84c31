package org.radtrial.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtrial.core.recon.Savings;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial recon}: candidate reconstructions against the reference, by fastMRI's conventions. */
@Command(
    name = "recon",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reconstruction fidelity: whether faster or lower-dose acquisitions, reconstructed by AI, keep what the standard"
          + " images show, and what they save.",
      "Each row of --cases is a case; --reference and --methods name the columns holding the paths (relative to the"
          + " table) of the reference image and of each candidate reconstruction (NIfTI .nii or .nii.gz, on the"
          + " reference's grid).",
      "Per case and method: NMSE, PSNR and SSIM of the volume and of each slice by fastMRI's conventions (data range ="
          + " the reference's maximum; SSIM averaged over the slices, 7x7 window, K1 0.01, K2 0.03, sample covariance,"
          + " 3-voxel crop), the same within lesion regions (--roi: a box table kind,i0,j0,k0,i1,j1,k1 or a NIfTI label"
          + " mask), noise and CNR where a uniform box is given.",
      "The methods head-to-head on every metric, each method's worst cases with thumbnails, and with --savings what each"
          + " protocol saves in scanner minutes, dose, activity and (with --scanner-kw) energy.",
      "Writes OUT/results.json (see docs/reconstruction.md) and OUT/report.html (unless --no-report) and prints a summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class ReconCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--cases", required = true, paramLabel = "FILE", description = "Case table (CSV, or TSV as .tsv).")
  Path cases;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "The case id's column.")
  String id;

  @Option(names = "--reference", required = true, paramLabel = "COL",
      description = "The reference image's column (full acquisition or standard dose).")
  String reference;

  @Option(names = "--methods", required = true, split = ",", paramLabel = "COL",
      description = "Each candidate reconstruction's column, comma-separated.")
  List<String> methods;

  @Option(names = "--roi", paramLabel = "COL", description = "Column of each case's regions of interest: a box table"
      + " (kind,i0,j0,k0,i1,j1,k1; kind lesion or uniform) or a NIfTI label mask.")
  String roi;

  @Option(names = "--savings", paramLabel = "FILE", description = "What each exam of each protocol costs: CSV with case"
      + " (or *), image (a column name) and any of minutes, ctdivol_mgy, dlp_mgy_cm, activity_mbq.")
  Path savings;

  @Option(names = "--scanner-kw", paramLabel = "KW", description = "The scanner's mean power while scanning, in kW, for"
      + " the energy saved.")
  Double scannerKw;

  @Option(names = "--worst", paramLabel = "N", defaultValue = "3",
      description = "Worst cases of each method shown with thumbnails (default: ${DEFAULT-VALUE}).")
  int worst;

  @Option(names = "--threads", paramLabel = "N", description = "Cases compared at once (default: the processors).")
  Integer threads;

  @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000",
      description = "Bootstrap replicates of the head-to-head (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20240101",
      description = "Seed of the bootstrap's case draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-report", description = "Do not write report.html.")
  boolean noReport;

  @Mixin ProgressOption progress = new ProgressOption();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-recon",
      description = "Folder for results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    ResultsFolder folder = new ResultsFolder(out, !noReport);
    folder.check();
    RunRequest request = new RunRequest.Reconstruction(cases, id, reference, methods, roi, savings,
        scannerKw == null ? Double.NaN : scannerKw, worst, threads == null ? Runtime.getRuntime().availableProcessors() : threads,
        ciLevel, bootstrap, seed);
    PrintWriter err = command.commandLine().getErr();
    RunOutcome.Reconstructed run = (RunOutcome.Reconstructed) EvaluationRun.execute(command, request, folder,
        progress.bar(err, "cases"));
    PrintWriter stdout = command.commandLine().getOut();
    print(stdout, run);
    EvaluationRun.printWritten(stdout, folder);
    stdout.flush();
    return 0;
  }

  private static void print(PrintWriter out, RunOutcome.Reconstructed run) {
    List<String> methods = run.methods();
    JsonNode recon = run.results().get("reconstruction");
    String level = String.format(Locale.ROOT, "%.0f%%", 100 * run.results().get("settings").get("ci_level").asDouble());
    out.printf(Locale.ROOT, "%d cases, %d methods against the reference%n%n", run.cases().size(), methods.size());
    Table t = new Table("metric", "method", "n", "mean", level + " CI", "median", level + " CI");
    for (JsonNode m : recon.get("head_to_head")) {
      for (JsonNode s : m.get("methods")) {
        t.row(m.get("label").asText(), s.get("method").asText(), s.get("n").asText() + (s.get("missing").asInt() > 0
            ? " (" + s.get("missing").asInt() + " missing)" : ""), g(s.get("mean")), ci(s.get("mean_ci")), g(s.get("median")),
            ci(s.get("median_ci")));
      }
    }
    t.print(out, "Fidelity per method over the cases (bootstrap intervals; higher is better for SSIM, PSNR and CNR, lower"
        + " for NMSE and noise)");
    if (methods.size() > 1) {
      Table h = new Table("metric", "first - second", "n", "mean difference", level + " CI", "Wilcoxon p", "Holm p");
      for (JsonNode m : recon.get("head_to_head")) {
        if (!List.of("ssim", "lowest_region_ssim", "lesion_ssim", "lowest_slice_psnr").contains(m.get("metric").asText())) {
          continue;
        }
        for (JsonNode p : m.get("pairs")) {
          h.row(m.get("label").asText(), p.get("first").asText() + " - " + p.get("second").asText(), p.get("n").asText(),
              g(p.get("mean_difference")), ci(p.get("mean_difference_ci")), g(p.get("p")), g(p.get("p_holm")));
        }
      }
      h.print(out, "Head-to-head on the same cases (every metric in results.json and the report)");
    }
    Savings.Result s = run.savings();
    if (s != null) {
      Table st = new Table("method", "quantity", "exams", "reference", "method", "saved", "saved %");
      for (Savings.Saving v : s.savings()) {
        boolean additive = v.quantity().additive();
        st.row(v.method(), v.quantity().label() + " (" + v.quantity().unit() + (additive ? ", total" : ", per exam") + ")",
            Integer.toString(v.exams()), g(additive ? v.reference() : v.reference() / v.exams()),
            g(additive ? v.candidate() : v.candidate() / v.exams()), g(additive ? v.saved() : v.savedPerExam()),
            String.format(Locale.ROOT, "%.1f", 100 * v.fraction()));
      }
      st.print(out, "What each protocol saves against the reference");
    }
  }

  private static String g(JsonNode v) {
    return v != null && v.isNumber() ? g(v.asDouble()) : "-";
  }

  private static String ci(JsonNode v) {
    return v != null && v.isArray() ? "[" + g(v.get(0)) + ", " + g(v.get(1)) + "]" : "-";
  }

  private static String g(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
  }

}
