package org.radtrial.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.radtrial.core.pool.Bivariate;
import org.radtrial.core.pool.BivariateFit;
import org.radtrial.core.pool.DiagnosticCounts;
import org.radtrial.core.pool.Heterogeneity;
import org.radtrial.core.pool.RandomEffects;
import org.radtrial.core.pool.RandomEffectsFit;
import org.radtrial.core.pool.TauSquaredMethod;
import org.radtrial.io.ResultsJson;

/**
 * {@code radtrial pool}: reads site summaries, checks that they can be pooled (unchanged, same
 * version and settings, same models on the same scales, at least two sites), and pools per model the
 * logit AUC and every pairwise AUC difference by random-effects meta-analysis, and the sensitivity
 * and false positive rate at each agreed threshold by the bivariate model. Builds the results.json
 * tree with its "pooled" section (keys in docs/pooling.md).
 */
public final class Pooling {
  private Pooling() {}

  /** One site's verified summary and where it came from. */
  record Site(Path file, ObjectNode summary) {
    String name() {
      return summary.path("site").asText();
    }
  }

  /** Pools the files; every problem is an {@code IllegalArgumentException} naming the file. */
  public static ObjectNode pool(List<Path> files, TauSquaredMethod method, boolean knappHartung, String version,
      String invocation) {
    if (files.size() < 2) {
      throw new IllegalArgumentException("pooling needs at least 2 site summaries, got " + files.size()
          + (files.isEmpty() ? "" : " (" + files.get(0) + ")") + "; give every site's site-summary.json after --sites");
    }
    List<Site> sites = new ArrayList<>();
    for (Path file : files) {
      sites.add(new Site(file, SiteSummaryJson.read(file)));
    }
    checkComparable(sites);
    Site first = sites.get(0);
    double level = first.summary().path("settings").path("ci_level").asDouble();
    ObjectNode root = ResultsJson.object();
    root.put("schema_version", ResultsJson.SCHEMA_VERSION);
    ObjectNode pooled = root.putObject("pooled");
    ObjectNode settings = pooled.putObject("method");
    settings.put("tau2", method == TauSquaredMethod.REML ? "REML" : "DL");
    settings.put("knapp_hartung", knappHartung);
    settings.put("ci_level", level);
    settings.put("auc_scale", "logit");
    ArrayNode siteList = pooled.putArray("sites");
    for (Site s : sites) {
      ObjectNode node = siteList.addObject();
      node.put("site", s.name());
      node.put("file", s.file().toString());
      node.put("content_sha256", s.summary().path(SiteSummaryJson.HASH).asText());
      node.put("cases", s.summary().path("case_mix").path("cases").asInt());
      node.put("positives", s.summary().path("case_mix").path("positives").asInt());
    }
    ArrayNode models = pooled.putArray("models");
    for (JsonNode m : first.summary().path("models")) {
      models.add(model(m.path("name").asText(), sites, method, knappHartung, level));
    }
    ArrayNode differences = pooled.putArray("differences");
    for (JsonNode p : first.summary().path("pairs")) {
      differences.add(difference(p.path("a").asText(), p.path("b").asText(), sites, method, knappHartung, level));
    }
    double[] p = new double[differences.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = differences.get(i).path("p").asDouble();
    }
    double[] holm = org.radtrial.core.multiplicity.Holm.adjust(p);
    for (int i = 0; i < p.length; i++) {
      ((ObjectNode) differences.get(i)).put("p_holm", holm[i]);
    }
    root.putObject("settings").put("ci_level", level);
    ObjectNode provenance = root.putObject("provenance");
    provenance.put("radtrial_version", version);
    provenance.put("site_summaries_version", first.summary().path("radtrial_version").asText());
    provenance.put("invocation", invocation);
    return root;
  }

  private static ObjectNode model(String name, List<Site> sites, TauSquaredMethod method, boolean kh, double level) {
    int k = sites.size();
    double[] y = new double[k];
    double[] v = new double[k];
    ObjectNode node = ResultsJson.object();
    node.put("name", name);
    ArrayNode perSite = ResultsJson.object().arrayNode();
    for (int i = 0; i < k; i++) {
      JsonNode m = modelAt(sites.get(i), name);
      double auc = m.path("auc").asDouble();
      double variance = m.path("auc_variance").asDouble();
      if (!(auc > 0 && auc < 1) || !(variance > 0)) {
        throw new IllegalArgumentException(sites.get(i).file() + ": model " + name + " has AUC " + auc + " with variance "
            + variance + ", which the logit scale cannot hold (an AUC of 0 or 1, or too few cases); leave the site out or"
            + " pool another model");
      }
      y[i] = Math.log(auc / (1 - auc));
      v[i] = variance / (auc * (1 - auc) * auc * (1 - auc));
      ObjectNode s = perSite.addObject();
      s.put("site", sites.get(i).name());
      s.put("auc", auc);
      s.put("auc_se", Math.sqrt(variance));
      s.put("positives", m.path("positives").asInt());
      s.put("negatives", m.path("negatives").asInt());
    }
    RandomEffectsFit fit = RandomEffects.fit(y, v, method, kh, level);
    node.put("k", k);
    ObjectNode auc = node.putObject("auc");
    auc.put("estimate", expit(fit.estimate()));
    auc.put("ci_lower", expit(fit.ci().lower()));
    auc.put("ci_upper", expit(fit.ci().upper()));
    auc.put("prediction_lower", expit(fit.prediction().lower()));
    auc.put("prediction_upper", expit(fit.prediction().upper()));
    node.set("logit", logit(fit));
    node.set("heterogeneity", heterogeneity(fit.heterogeneity()));
    node.put("in_words", String.format(Locale.ROOT,
        "Pooled over %d sites the AUC of %s is %.3f (%.0f%% CI %.3f to %.3f); in a new hospital it is expected between"
            + " %.3f and %.3f (%.0f%% prediction interval). Between-site SD on the logit scale %.2f; I² %.0f%% (%.0f%% to"
            + " %.0f%%) of the spread is between sites rather than chance.",
        k, name, expit(fit.estimate()), 100 * level, expit(fit.ci().lower()), expit(fit.ci().upper()),
        expit(fit.prediction().lower()), expit(fit.prediction().upper()), 100 * level, fit.heterogeneity().tau(),
        fit.heterogeneity().iSquared(), fit.heterogeneity().iSquaredCi().lower(), fit.heterogeneity().iSquaredCi().upper()));
    node.set("sites", perSite);
    ArrayNode influence = node.putArray("leave_one_out");
    if (k >= 3) {
      List<RandomEffectsFit> fits = RandomEffects.leaveOneOut(y, v, method, kh, level);
      for (int i = 0; i < k; i++) {
        RandomEffectsFit without = fits.get(i);
        ObjectNode row = influence.addObject();
        row.put("site_left_out", sites.get(i).name());
        row.put("auc", expit(without.estimate()));
        row.put("ci_lower", expit(without.ci().lower()));
        row.put("ci_upper", expit(without.ci().upper()));
        row.put("prediction_lower", expit(without.prediction().lower()));
        row.put("prediction_upper", expit(without.prediction().upper()));
        row.put("tau2", without.heterogeneity().tauSquared());
        row.put("i2", without.heterogeneity().iSquared());
      }
    }
    node.set("bivariate", bivariate(name, sites, level));
    return node;
  }

  /** The bivariate model at every rule with an agreed threshold, when at least 3 sites share it. */
  private static ArrayNode bivariate(String name, List<Site> sites, double level) {
    ArrayNode out = ResultsJson.object().arrayNode();
    JsonNode points = modelAt(sites.get(0), name).path("operating_points");
    for (int p = 0; p < points.size(); p++) {
      if (points.get(p).path("agreed_threshold").isNull() || sites.size() < 3) {
        continue;
      }
      List<DiagnosticCounts> counts = new ArrayList<>();
      for (Site s : sites) {
        JsonNode c = modelAt(s, name).path("operating_points").get(p);
        counts.add(new DiagnosticCounts(c.path("tp").asLong(), c.path("fn").asLong(), c.path("fp").asLong(),
            c.path("tn").asLong()));
      }
      BivariateFit fit = Bivariate.reitsma(counts, level);
      ObjectNode node = out.addObject();
      node.put("rule", points.get(p).path("rule").asText());
      node.put("k", fit.k());
      node.put("continuity_corrected", fit.continuityCorrected());
      node.put("sensitivity", fit.sensitivity().value());
      node.put("sensitivity_ci_lower", fit.sensitivity().ci().lower());
      node.put("sensitivity_ci_upper", fit.sensitivity().ci().upper());
      node.put("specificity", fit.specificity().value());
      node.put("specificity_ci_lower", fit.specificity().ci().lower());
      node.put("specificity_ci_upper", fit.specificity().ci().upper());
      node.put("logit_sensitivity", fit.logitSensitivity());
      node.put("logit_sensitivity_se", fit.logitSensitivitySe());
      node.put("logit_false_positive_rate", fit.logitFalsePositiveRate());
      node.put("logit_false_positive_rate_se", fit.logitFalsePositiveRateSe());
      node.put("logit_covariance", fit.logitCovariance());
      node.put("tau_sensitivity", fit.tauSensitivity());
      node.put("tau_false_positive_rate", fit.tauFalsePositiveRate());
      node.put("rho", fit.rho());
      node.put("sroc_auc", fit.srocAuc());
      node.put("sroc_partial_auc", fit.partialSrocAuc());
      node.set("confidence_region", region(fit, level, false));
      node.set("prediction_region", region(fit, level, true));
    }
    return out;
  }

  /** An ellipse as [false positive rate, sensitivity] pairs. */
  private static ArrayNode region(BivariateFit fit, double level, boolean prediction) {
    ArrayNode out = ResultsJson.object().arrayNode();
    for (double[] p : fit.region(level, prediction, 41)) {
      out.addArray().add(p[0]).add(p[1]);
    }
    return out;
  }

  private static ObjectNode difference(String a, String b, List<Site> sites, TauSquaredMethod method, boolean kh,
      double level) {
    int k = sites.size();
    double[] y = new double[k];
    double[] v = new double[k];
    ObjectNode node = ResultsJson.object();
    node.put("a", a);
    node.put("b", b);
    ArrayNode perSite = node.arrayNode();
    for (int i = 0; i < k; i++) {
      JsonNode pair = pairAt(sites.get(i), a, b);
      y[i] = pair.path("difference").asDouble();
      v[i] = pair.path("difference_variance").asDouble();
      if (!(v[i] > 0)) {
        throw new IllegalArgumentException(sites.get(i).file() + ": the AUC difference " + a + " - " + b
            + " has variance " + v[i] + " (identical rankings or too few cases); leave the site out of this comparison");
      }
      ObjectNode s = perSite.addObject();
      s.put("site", sites.get(i).name());
      s.put("difference", y[i]);
      s.put("se", Math.sqrt(v[i]));
    }
    RandomEffectsFit fit = RandomEffects.fit(y, v, method, kh, level);
    node.put("k", k);
    node.put("estimate", fit.estimate());
    node.put("se", fit.se());
    node.put("ci_lower", fit.ci().lower());
    node.put("ci_upper", fit.ci().upper());
    node.put("statistic", fit.statistic());
    node.put("p", fit.p());
    node.put("prediction_lower", fit.prediction().lower());
    node.put("prediction_upper", fit.prediction().upper());
    node.set("heterogeneity", heterogeneity(fit.heterogeneity()));
    node.set("sites", perSite);
    return node;
  }

  private static ObjectNode logit(RandomEffectsFit fit) {
    ObjectNode node = ResultsJson.object();
    node.put("estimate", fit.estimate());
    node.put("se", fit.se());
    node.put("ci_lower", fit.ci().lower());
    node.put("ci_upper", fit.ci().upper());
    node.put("statistic", fit.statistic());
    node.put("p", fit.p());
    node.put("prediction_lower", fit.prediction().lower());
    node.put("prediction_upper", fit.prediction().upper());
    return node;
  }

  private static ObjectNode heterogeneity(Heterogeneity h) {
    ObjectNode node = ResultsJson.object();
    node.put("q", h.q());
    node.put("df", h.df());
    node.put("q_p", h.qP());
    node.put("tau2", h.tauSquared());
    node.put("tau2_se", h.tauSquaredSe());
    node.put("tau2_ci_lower", h.tauSquaredCi().lower());
    node.put("tau2_ci_upper", h.tauSquaredCi().upper());
    node.put("i2", h.iSquared());
    node.put("i2_ci_lower", h.iSquaredCi().lower());
    node.put("i2_ci_upper", h.iSquaredCi().upper());
    node.put("h2", h.hSquared());
    node.put("h2_ci_lower", h.hSquaredCi().lower());
    node.put("h2_ci_upper", h.hSquaredCi().upper());
    return node;
  }

  /** Every check that the sites measured the same thing the same way; the first failure names its file. */
  static void checkComparable(List<Site> sites) {
    Site first = sites.get(0);
    ObjectNode s0 = first.summary();
    Set<String> names = new HashSet<>();
    for (Site s : sites) {
      ObjectNode summary = s.summary();
      if (!names.add(s.name())) {
        throw new IllegalArgumentException(s.file() + ": site '" + s.name() + "' was given twice; give each site's summary once");
      }
      if (s == first) {
        continue;
      }
      String version = summary.path("radtrial_version").asText();
      if (!version.equals(s0.path("radtrial_version").asText())) {
        throw new IllegalArgumentException(s.file() + ": made with radtrial " + version + " but " + first.file() + " with "
            + s0.path("radtrial_version").asText() + "; every site must make its summary with the same version");
      }
      for (String key : new String[] {"ci_level", "proportion_ci", "operating_points", "missing"}) {
        JsonNode mine = summary.path("settings").path(key);
        JsonNode theirs = s0.path("settings").path(key);
        if (!mine.equals(theirs)) {
          throw new IllegalArgumentException(s.file() + ": setting " + key + " is " + mine + " but " + theirs + " in "
              + first.file() + (key.equals("operating_points")
                  ? "; every site must use the consortium's thresholds, on the same score scale"
                  : "; every site must use the consortium's settings"));
        }
      }
      for (JsonNode m : s0.path("models")) {
        String name = m.path("name").asText();
        JsonNode here = find(summary.path("models"), name);
        if (here == null) {
          throw new IllegalArgumentException(s.file() + ": model " + name + " (evaluated in " + first.file()
              + ") is missing; every site must evaluate the same models");
        }
        if (here.path("higher_is_positive").asBoolean() != m.path("higher_is_positive").asBoolean()) {
          throw new IllegalArgumentException(s.file() + ": model " + name + " is scored with "
              + (here.path("higher_is_positive").asBoolean() ? "higher" : "lower") + " = positive, unlike in " + first.file()
              + "; the sites' scores are on different scales");
        }
        for (int p = 0; p < m.path("operating_points").size(); p++) {
          JsonNode t0 = m.path("operating_points").get(p).path("agreed_threshold");
          JsonNode t = here.path("operating_points").path(p).path("agreed_threshold");
          if (!t0.equals(t)) {
            throw new IllegalArgumentException(s.file() + ": model " + name + " has agreed threshold " + t + " but " + t0
                + " in " + first.file() + "; the thresholds must be on the same scale at every site");
          }
        }
      }
      if (summary.path("models").size() != s0.path("models").size()) {
        throw new IllegalArgumentException(s.file() + ": evaluates " + summary.path("models").size() + " models but "
            + first.file() + " " + s0.path("models").size() + "; every site must evaluate the same models");
      }
    }
  }

  private static JsonNode modelAt(Site site, String name) {
    JsonNode m = find(site.summary().path("models"), name);
    if (m == null) {
      throw new IllegalArgumentException(site.file() + ": model " + name + " is missing");
    }
    return m;
  }

  private static JsonNode pairAt(Site site, String a, String b) {
    for (JsonNode p : site.summary().path("pairs")) {
      if (p.path("a").asText().equals(a) && p.path("b").asText().equals(b)) {
        return p;
      }
    }
    throw new IllegalArgumentException(site.file() + ": no paired comparison " + a + " - " + b
        + "; every site must evaluate the same models in the same order");
  }

  /** The model of this name, or null. */
  private static JsonNode find(JsonNode models, String name) {
    for (JsonNode m : models) {
      if (m.path("name").asText().equals(name)) {
        return m;
      }
    }
    return null;
  }

  private static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
