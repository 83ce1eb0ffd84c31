package org.radtrial.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtrial.core.pool.TauSquaredMethod;
import org.radtrial.io.ResultsJson;
import org.radtrial.run.Pooling;
import org.radtrial.run.RadtrialVersion;
import org.radtrial.run.ResultsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial pool}: random-effects pooling of site summaries. */
@Command(
    name = "pool",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Pool site summaries (radtrial site-summary) across sites: per model the AUC on the logit scale by random-effects"
          + " meta-analysis, back-transformed, with its confidence and prediction intervals and heterogeneity (Q, I², H²,"
          + " tau²); every pairwise AUC difference; sensitivity and specificity at each agreed threshold by the"
          + " bivariate model (3 sites or more).",
      "Stops with a one-line error naming the file when a summary was changed, the sites' versions or settings differ,"
          + " a model is missing or scored on another scale, or only one site is given. Writes OUT/results.json"
          + " (section \"pooled\", see docs/pooling.md) and OUT/report.html."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class PoolCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--sites", required = true, arity = "1..*", paramLabel = "FILE", description = "The sites' site-summary.json files.")
  List<Path> sites;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-pooled",
      description = "Output directory for results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--tau2", paramLabel = "METHOD", defaultValue = "reml",
      description = "Estimator of the between-site variance: reml or dl (DerSimonian-Laird) (default: ${DEFAULT-VALUE}).")
  String tau2;

  @Option(names = "--knapp-hartung", description = "Knapp-Hartung variance and t quantiles for the pooled intervals.")
  boolean knappHartung;

  @Override
  public Integer call() {
    TauSquaredMethod method = switch (tau2.toLowerCase(Locale.ROOT)) {
      case "reml" -> TauSquaredMethod.REML;
      case "dl" -> TauSquaredMethod.DERSIMONIAN_LAIRD;
      default -> throw new IllegalArgumentException("--tau2 is '" + tau2 + "'; use reml or dl");
    };
    ResultsFolder folder = new ResultsFolder(out, true);
    folder.check();
    Path file = folder.resultsFile();
    Path report = folder.reportFile();
    ObjectNode root = Pooling.pool(sites, method, knappHartung, RadtrialVersion.get(), CommandLines.quoted(command));
    folder.write(ResultsJson.text(root));
    PrintWriter stdout = command.commandLine().getOut();
    for (JsonNode m : root.path("pooled").path("models")) {
      stdout.println(m.path("in_words").asText());
    }
    for (JsonNode d : root.path("pooled").path("differences")) {
      stdout.printf(Locale.ROOT, "AUC %s - %s: %+.3f (CI %+.3f to %+.3f, p = %.3g), in a new hospital %+.3f to %+.3f%n",
          d.path("a").asText(), d.path("b").asText(), d.path("estimate").asDouble(), d.path("ci_lower").asDouble(),
          d.path("ci_upper").asDouble(), d.path("p").asDouble(), d.path("prediction_lower").asDouble(),
          d.path("prediction_upper").asDouble());
    }
    stdout.println();
    stdout.println("Results: " + file);
    stdout.println("Report:  " + report);
    stdout.flush();
    return 0;
  }
}
