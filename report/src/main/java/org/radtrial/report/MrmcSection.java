package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader study of "mrmc" (radtrial mrmc): its design, each reader's ROC curve, and per figure of
 * merit the modalities compared (Obuchowski-Rockette for random readers and cases first, then fixed
 * readers, fixed cases and DBM), each modality and each reader with intervals, the AI alone as a reader
 * and the OR and DBM tables; then the sample-size plan. Key findings judge the primary comparisons
 * (OR, random readers and cases) and the AI alone with {@link Judgement}.
 */
final class MrmcSection implements Section {
  @Override
  public String id() {
    return "reader-study";
  }

  @Override
  public String title() {
    return "Reader study";
  }

  @Override
  public boolean presentIn(Results results) {
    return Mrmc.presentIn(results);
  }

  @Override
  public void write(Results results, Html html) {
    Mrmc m = new Mrmc(results);
    html.element("p", design(m));
    rocFigure(m, html);
    for (String key : m.analyses()) {
      JsonNode a = m.analysis(key);
      html.element("h3", capitalised(Mrmc.figure(a)));
      comparisons(m, a, html);
      modalities(m, a, html);
      readers(m, a, html);
      standalone(m, a, html);
      MrmcTables.write(m, key, a, html);
    }
    if (m.get("sample_size").isObject()) {
      html.element("h3", "Planning a new study");
      MrmcTables.plan(m, html);
    }
  }

  static String design(Mrmc m) {
    List<String> modalities = m.modalities();
    StringBuilder s = new StringBuilder();
    s.append(m.readers().size()).append(" readers rated ").append(Fmt.count(m.cases())).append(" cases (")
        .append(Fmt.count(m.positives())).append(" with disease, ").append(Fmt.count(m.negatives())).append(" without) in ")
        .append(modalities.size() == 1 ? "one modality (" : modalities.size() + " modalities (")
        .append(String.join(", ", modalities)).append(").");
    if (m.splitPlot()) {
      List<String> blocks = new ArrayList<>();
      for (JsonNode b : m.blocks()) {
        List<String> names = new ArrayList<>();
        Json.elements(b.get("readers")).forEach(n -> names.add(n.asText()));
        blocks.add(String.join(", ", names) + " read " + Fmt.count(b.path("cases").asLong()) + " cases ("
            + Fmt.count(b.path("positives").asLong()) + " with disease)");
      }
      s.append(" Split-plot design: the readers fell into ").append(blocks.size()).append(" blocks, each reading its own"
          + " cases in every modality: ").append(String.join("; ", blocks)).append(". Readers of different blocks share"
          + " no case, so their error covariance is 0; the DBM analysis needs shared cases and is not given.");
    } else {
      s.append(" Every reader rated every case in every modality (a fully crossed design).");
    }
    if (!m.standalone().isEmpty()) {
      s.append(" The AI alone (").append(m.standalone()).append(") rated every case once and is compared with the readers"
          + " as a reader of its own.");
    }
    s.append(" Differences are first minus second; the primary analysis is Obuchowski-Rockette's with Hillis's degrees of"
        + " freedom (").append(m.covariance()).append(" covariances), whose conclusions hold for other readers and other"
        + " cases like these.");
    return s.toString();
  }

  private static void rocFigure(Mrmc m, Html html) {
    List<String> charts = new ArrayList<>();
    List<String> readers = m.readers();
    List<JsonNode> ai = m.curves(null);
    int index = 0;
    for (String modality : m.modalities()) {
      List<RocChart.Curve> curves = new ArrayList<>();
      for (JsonNode curve : m.curves(modality)) {
        int j = readers.indexOf(Json.text(curve, "reader"));
        curves.add(curve(curve, readerColour(j), readerDash(j)));
      }
      for (JsonNode curve : ai) {
        curves.add(curve(curve, Palette.READER, null));
      }
      charts.add(RocChart.svg("mrmc-roc-" + index++, "ROC curves of every reader, " + modality,
          "Empirical ROC curve of each reader in modality " + modality + (ai.isEmpty() ? "" : " and of the AI alone"),
          curves, List.of(), 1));
    }
    List<Figure.Key> legend = new ArrayList<>();
    for (int j = 0; j < readers.size(); j++) {
      legend.add(new Figure.Key(readers.get(j), readerColour(j), null, readerDash(j), true, false));
    }
    if (!ai.isEmpty()) {
      legend.add(new Figure.Key(m.standalone() + " (alone)", Palette.READER, null, null, true, false));
    }
    legend.add(new Figure.Key("chance", Palette.REFERENCE, null, "5 4", true, false));
    Figure.writeSideBySide(html, charts, "Each reader's empirical ROC curve, one chart per modality (left to right: "
        + String.join(", ", m.modalities()) + "); each reader keeps his colour and line across charts"
        + (ai.isEmpty() ? "." : ", and the AI alone is drawn in every chart in black."), legend);
  }

  /**
   * Reader j's colour: as the models' for the first six readers (colour and dash both change, so
   * nothing depends on colour alone), shifted by one for each further six so that no two of up to 36
   * readers share colour and dash; the AI alone is solid black.
   */
  private static String readerColour(int j) {
    return Palette.model(j + j / 6);
  }

  private static String readerDash(int j) {
    return Palette.dash(j);
  }

  private static RocChart.Curve curve(JsonNode curve, String colour, String dash) {
    List<JsonNode> points = Json.elements(curve.get("roc"));
    double[] fpr = new double[points.size()];
    double[] sens = new double[points.size()];
    for (int k = 0; k < points.size(); k++) {
      fpr[k] = 1 - Json.number(points.get(k), "specificity");
      sens[k] = Json.number(points.get(k), "sensitivity");
    }
    return RocChart.Curve.styled(Json.text(curve, "reader"), fpr, sens, colour, dash);
  }

  /** Every pair of modalities by every analysis: OR RRRC (primary), FRRC, RRFC, then DBM RRRC. */
  private static void comparisons(Mrmc m, JsonNode a, Html html) {
    if (Json.elements(a.at("/obuchowski_rockette/rrrc/differences")).isEmpty()) {
      return;
    }
    Results results = m.results();
    HtmlTable table = new HtmlTable("Modalities compared: " + Mrmc.figure(a) + ", first minus second", "analysis",
        "modalities", "difference (" + results.level() + " CI)", "SE", "df", "p", "what the interval shows");
    for (String g : Mrmc.GENERALIZATIONS) {
      rows(table, "Obuchowski-Rockette, " + Mrmc.generalization(g) + (g.equals("rrrc") ? " (primary)" : ""),
          a.at("/obuchowski_rockette/" + g + "/differences"), results);
    }
    if (a.path("dbm").isObject()) {
      rows(table, "DBM, random readers, random cases", a.at("/dbm/rrrc/differences"), results);
    }
    table.write(html);
    JsonNode test = a.at("/obuchowski_rockette/rrrc/test");
    html.element("p", "Test that all modalities are equal (Obuchowski-Rockette, random readers and cases): "
        + Mrmc.test(test) + ", " + Fmt.pEquals("p", Json.number(test, "p")) + ". Fixed readers: "
        + Mrmc.test(a.at("/obuchowski_rockette/frrc/test")) + "; fixed cases: " + Mrmc.test(a.at("/obuchowski_rockette/rrfc/test"))
        + ". Only random readers and cases generalise to other readers and other cases.", "class", "meta");
  }

  private static void rows(HtmlTable table, String analysis, JsonNode differences, Results results) {
    for (JsonNode d : Json.elements(differences)) {
      List<String> pair = new ArrayList<>();
      Json.elements(d.get("modalities")).forEach(n -> pair.add(n.asText()));
      double diff = Json.number(d, "difference");
      double p = Json.number(d, "p");
      Judgement j = Judgement.of(diff, Interval.of(d.get("ci")), p, results.alpha());
      table.row(analysis, String.join(" \u2212 ", pair), Fmt.signed(diff, 3) + " (" + Mrmc.interval(d) + ")",
          Fmt.decimal(Json.number(d, "se"), 4), Mrmc.df(d), Fmt.p(p), words(j, pair));
    }
  }

  private static String words(Judgement j, List<String> pair) {
    return switch (j) {
      case HIGHER -> pair.get(0) + " higher";
      case LOWER -> pair.get(0) + " lower";
      case NOT_SHOWN, NOT_SHOWN_BY_TEST -> "no difference shown";
      case NOT_ESTIMABLE -> Fmt.NOT_ESTIMABLE;
    };
  }

  private static void modalities(Mrmc m, JsonNode a, Html html) {
    String level = m.results().level();
    HtmlTable table = new HtmlTable("Each modality, the mean over readers, from that modality's data alone", "modality",
        "mean", level + " CI, random readers and cases (df)", level + " CI, fixed readers", level + " CI, fixed cases");
    List<JsonNode> rrrc = Json.elements(a.at("/obuchowski_rockette/rrrc/modalities"));
    List<JsonNode> frrc = Json.elements(a.at("/obuchowski_rockette/frrc/modalities"));
    List<JsonNode> rrfc = Json.elements(a.at("/obuchowski_rockette/rrfc/modalities"));
    for (int i = 0; i < rrrc.size(); i++) {
      JsonNode r = rrrc.get(i);
      table.row(Json.text(r, "modality"), Mrmc.value(Json.number(r, "estimate")), Mrmc.interval(r) + " (" + Mrmc.df(r) + ")",
          i < frrc.size() ? Mrmc.interval(frrc.get(i)) : "", i < rrfc.size() ? Mrmc.interval(rrfc.get(i)) : "");
    }
    table.write(html);
  }

  /** Every reader in every modality with the interval over cases, then (fixed readers) each reader's differences. */
  private static void readers(Mrmc m, JsonNode a, Html html) {
    List<String> headers = new ArrayList<>(List.of("reader"));
    for (String modality : m.modalities()) {
      headers.add(modality + " (" + m.results().level() + " CI)");
    }
    List<JsonNode> byReader = Json.elements(a.at("/obuchowski_rockette/frrc/readers"));
    boolean differences = !byReader.isEmpty();
    if (differences) {
      headers.add("difference, this reader (" + m.results().level() + " CI)");
    }
    HtmlTable table = new HtmlTable("Each reader: " + Mrmc.figure(a) + " with its interval over cases (normal, from the"
        + " reader's error variance)" + (differences ? "; the difference of modalities for this reader alone" : ""),
        headers.toArray(String[]::new));
    for (String reader : m.readers()) {
      List<String> row = new ArrayList<>(List.of(reader));
      for (String modality : m.modalities()) {
        JsonNode v = Mrmc.value(a, modality, reader);
        row.add(Mrmc.value(Json.number(v, "value")) + " (" + Mrmc.interval(v) + ")");
      }
      if (differences) {
        List<String> cells = new ArrayList<>();
        for (JsonNode d : byReader) {
          if (reader.equals(Json.text(d, "reader"))) {
            cells.add(Fmt.signed(Json.number(d, "difference"), 3) + " (" + Mrmc.interval(d) + ")");
          }
        }
        row.add(String.join("; ", cells));
      }
      table.row(row.toArray(String[]::new));
    }
    if (!m.standalone().isEmpty()) {
      JsonNode v = Mrmc.value(a, null, m.standalone());
      List<String> row = new ArrayList<>(List.of(m.standalone() + " (alone)"));
      String cell = Mrmc.value(Json.number(v, "value")) + " (" + Mrmc.interval(v) + ")";
      for (int i = 0; i < m.modalities().size(); i++) {
        row.add(i == 0 ? cell + ", the same in every modality" : "");
      }
      if (differences) {
        row.add("");
      }
      table.row(row.toArray(String[]::new));
    }
    table.write(html);
  }

  private static void standalone(Mrmc m, JsonNode a, Html html) {
    List<JsonNode> rows = Json.elements(a.get("standalone"));
    if (rows.isEmpty()) {
      return;
    }
    String level = m.results().level();
    HtmlTable table = new HtmlTable("The AI alone as a reader: the readers' mean minus " + m.standalone() + ", "
        + Mrmc.figure(a) + " (Hillis 2007 single-modality analysis of the differences)", "modality", "readers' mean",
        m.standalone() + " alone", "difference, random readers and cases (" + level + " CI)", "df", "p",
        "fixed readers (" + level + " CI)", "fixed cases (" + level + " CI)", "what the interval shows");
    for (JsonNode r : rows) {
      JsonNode rrrc = r.path("rrrc");
      double diff = Json.number(rrrc, "difference");
      Judgement j = Judgement.of(diff, Interval.of(rrrc.get("ci")), Json.number(rrrc, "p"), m.results().alpha());
      String words = switch (j) {
        case HIGHER -> "readers higher";
        case LOWER -> "readers lower";
        case NOT_SHOWN, NOT_SHOWN_BY_TEST -> "no difference shown";
        case NOT_ESTIMABLE -> Fmt.NOT_ESTIMABLE;
      };
      table.row(Json.text(r, "modality"), Mrmc.value(Json.number(r, "readers_mean")), Mrmc.value(Json.number(r, "standalone")),
          Fmt.signed(diff, 3) + " (" + Mrmc.interval(rrrc) + ")", Mrmc.df(rrrc), Fmt.p(Json.number(rrrc, "p")),
          Mrmc.interval(r.path("frrc")), Mrmc.interval(r.path("rrfc")), words);
    }
    table.write(html);
  }

  @Override
  public List<Finding> findings(Results results) {
    Mrmc m = new Mrmc(results);
    List<Finding> findings = new ArrayList<>();
    findings.add(new Finding(Finding.Strength.FACT, m.readers().size() + " readers, " + Fmt.count(m.cases()) + " cases ("
        + Fmt.count(m.positives()) + " with disease), " + m.modalities().size() + " modalities"
        + (m.splitPlot() ? ", split-plot design" : "") + ".", id()));
    for (String key : m.analyses()) {
      JsonNode a = m.analysis(key);
      String what = Mrmc.figure(a);
      for (JsonNode d : Json.elements(a.at("/obuchowski_rockette/rrrc/differences"))) {
        findings.add(comparison(results, what, d));
      }
      for (JsonNode r : Json.elements(a.get("standalone"))) {
        findings.add(versusAi(results, m.standalone(), what, r));
      }
    }
    JsonNode plan = m.get("sample_size");
    if (plan.isObject()) {
      for (JsonNode row : Json.elements(plan.get("plans"))) {
        JsonNode rrrc = row.path("rrrc");
        findings.add(new Finding(Finding.Strength.FACT, "A new two-modality study with " + row.path("readers").asInt()
            + " readers needs " + (rrrc.isObject() ? Fmt.count(rrrc.path("cases").asLong()) + " cases" : "more cases than"
            + " were considered") + " for " + Fmt.percent(Json.number(plan, "target_power")).replace(".0%", "%")
            + " power to detect an AUC difference of " + Fmt.decimal(Math.abs(Json.number(plan, "effect")), 3)
            + " (random readers and cases).", id()));
        break;
      }
    }
    return findings;
  }

  private Finding comparison(Results results, String what, JsonNode d) {
    List<String> pair = new ArrayList<>();
    Json.elements(d.get("modalities")).forEach(n -> pair.add(n.asText()));
    double diff = Json.number(d, "difference");
    Interval ci = Interval.of(d.get("ci"));
    Judgement j = Judgement.of(diff, ci, Json.number(d, "p"), results.alpha());
    String numbers = " (difference " + Fmt.signed(diff, 3) + ", " + results.level() + " CI " + Fmt.interval(ci, 3) + ", "
        + Fmt.pEquals("p", Json.number(d, "p")) + "; random readers and cases)";
    String sentence = switch (j) {
      case HIGHER -> capitalised(what) + " was higher " + pair.get(0) + " than " + pair.get(1) + numbers + ".";
      case LOWER -> capitalised(what) + " was lower " + pair.get(0) + " than " + pair.get(1) + numbers + ".";
      case NOT_SHOWN, NOT_SHOWN_BY_TEST -> "No difference in " + what + " between " + pair.get(0) + " and " + pair.get(1)
          + " was shown" + numbers + ".";
      case NOT_ESTIMABLE -> "The difference in " + what + " between " + pair.get(0) + " and " + pair.get(1)
          + " could not be estimated.";
    };
    return new Finding(j.strength(), sentence, id());
  }

  private Finding versusAi(Results results, String ai, String what, JsonNode r) {
    JsonNode rrrc = r.path("rrrc");
    double diff = Json.number(rrrc, "difference");
    Interval ci = Interval.of(rrrc.get("ci"));
    Judgement j = Judgement.of(diff, ci, Json.number(rrrc, "p"), results.alpha());
    String modality = Json.text(r, "modality");
    String numbers = " (readers " + Mrmc.value(Json.number(r, "readers_mean")) + ", " + ai + " "
        + Mrmc.value(Json.number(r, "standalone")) + ", difference " + Fmt.signed(diff, 3) + ", " + results.level() + " CI "
        + Fmt.interval(ci, 3) + ", " + Fmt.pEquals("p", Json.number(rrrc, "p")) + "; random readers and cases)";
    String sentence = switch (j) {
      case HIGHER -> "Readers " + modality + " had a higher " + what + " than " + ai + " alone" + numbers + ".";
      case LOWER -> "Readers " + modality + " had a lower " + what + " than " + ai + " alone" + numbers + ".";
      case NOT_SHOWN, NOT_SHOWN_BY_TEST -> "No difference in " + what + " between readers " + modality + " and " + ai
          + " alone was shown" + numbers + ".";
      case NOT_ESTIMABLE -> "The difference in " + what + " between readers " + modality + " and " + ai
          + " alone could not be estimated.";
    };
    return new Finding(j.strength(), sentence, id());
  }

  /** The Methods paragraph of a reader study. */
  static String methods(Results results) {
    Mrmc m = new Mrmc(results);
    JsonNode settings = results.get("settings");
    StringBuilder s = new StringBuilder("Reader study: each reader's ").append("empirical (trapezoidal) AUC");
    double cut = Json.number(settings, "cut");
    if (Double.isFinite(cut)) {
      s.append(", and sensitivity and specificity with a case called positive at rating ")
          .append(Json.text(settings, "lower_is_positive").equals("true") ? "\u2264 " : "\u2265 ").append(Fmt.trimmed(cut, 4));
    }
    s.append(". Modalities were compared by the Obuchowski-Rockette method (1995) with Hillis's denominator degrees of"
        + " freedom (2007, 2008), the error covariances of the AUCs estimated by the ").append(m.covariance())
        .append(m.covariance().equals("unbiased") ? " U-statistic estimator (Gallas 2006)" : m.covariance().equals("DeLong")
            ? " method (DeLong et al. 1988)" : " over cases")
        .append(Double.isFinite(cut) ? "; sensitivity and specificity by the jackknife over the cases with and without"
            + " disease respectively, as MRMCaov does" : "")
        .append(", for random readers and cases (primary), fixed readers and fixed cases");
    s.append(m.splitPlot() ? ". The study was split-plot; covariances of readers in different blocks are 0."
        : "; the Dorfman-Berbaum-Metz pseudovalue analysis is given alongside.");
    if (!m.standalone().isEmpty()) {
      s.append(" The AI alone was compared with the readers of each modality by the single-modality analysis of the"
          + " differences (Hillis 2007).");
    }
    if (m.get("sample_size").isObject()) {
      s.append(" Sample sizes for a new study follow Hillis, Obuchowski and Berbaum (2011) from this study's variance"
          + " components.");
    }
    s.append(" Intervals are ").append(results.level()).append(" confidence intervals, not clipped to [0, 1]. See"
        + " docs/mrmc.md for every formula and the references each number was checked against.");
    return s.toString();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
