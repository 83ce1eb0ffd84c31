package org.radtrial.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.radtrial.core.mrmc.DbmAnalysis;
import org.radtrial.core.mrmc.DbmMeanSquares;
import org.radtrial.core.mrmc.DbmVarianceComponents;
import org.radtrial.core.mrmc.FomAnalysis;
import org.radtrial.core.mrmc.Generalization;
import org.radtrial.core.mrmc.GeneralizationResult;
import org.radtrial.core.mrmc.GlobalTest;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.mrmc.ModalityEstimate;
import org.radtrial.core.mrmc.OrAnalysis;
import org.radtrial.core.mrmc.OrMeanSquares;
import org.radtrial.core.mrmc.OrVarianceComponents;
import org.radtrial.core.mrmc.ReaderDifference;
import org.radtrial.core.mrmc.ReaderValue;
import org.radtrial.core.mrmc.StandaloneDifference;

/**
 * The JSON of one figure of merit's analyses (the "auc", "sensitivity" and "specificity" objects of
 * the "mrmc" section), key by key as docs/mrmc.md documents them. Infinite degrees of freedom (z
 * and chi-square references) and other non-finite numbers are written as null.
 */
final class MrmcAnalysisJson {
  private final ObjectMapper mapper;

  MrmcAnalysisJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode analysis(FomAnalysis a) {
    ObjectNode node = mapper.createObjectNode();
    node.put("figure_of_merit", a.figureOfMerit().label());
    ArrayNode values = node.putArray("values");
    for (ReaderValue v : a.values()) {
      ObjectNode value = values.addObject();
      value.put("modality", v.modality());
      value.put("reader", v.reader());
      number(value, "value", v.value());
      number(value, "se", v.standardError());
      if (v.ci() == null) {
        value.putNull("ci");
      } else {
        value.set("ci", interval(v.ci().lower(), v.ci().upper()));
      }
    }
    node.set("obuchowski_rockette", obuchowskiRockette(a.obuchowskiRockette()));
    node.set("dbm", a.dbm() == null ? null : dbm(a.dbm()));
    if (!a.standalone().isEmpty()) {
      ArrayNode standalone = node.putArray("standalone");
      for (StandaloneDifference d : a.standalone()) {
        standalone.add(standalone(d));
      }
    }
    return node;
  }

  private ObjectNode obuchowskiRockette(OrAnalysis or) {
    ObjectNode node = mapper.createObjectNode();
    node.put("covariance_method", or.covarianceMethod().label());
    OrMeanSquares ms = or.meanSquares();
    ObjectNode squares = node.putObject("mean_squares");
    number(squares, "modality", ms.modality());
    number(squares, "reader", ms.reader());
    number(squares, "modality_by_reader", ms.modalityByReader());
    ArrayNode within = squares.putArray("reader_within_modality");
    for (int i = 0; i < ms.readerWithinModality().size(); i++) {
      ObjectNode m = within.addObject();
      m.put("modality", or.modalityCovariances().get(i).modality());
      number(m, "reader", ms.readerWithinModality().get(i));
    }
    OrVarianceComponents v = or.components();
    ObjectNode components = node.putObject("variance_components");
    number(components, "var_r", v.varR());
    number(components, "var_tr", v.varTR());
    number(components, "cov1", v.cov1());
    number(components, "cov2", v.cov2());
    number(components, "cov3", v.cov3());
    number(components, "var_error", v.varError());
    number(components, "corr1", v.correlation1());
    number(components, "corr2", v.correlation2());
    number(components, "corr3", v.correlation3());
    ArrayNode modalities = node.putArray("modality_covariances");
    for (OrAnalysis.ModalityCovariances c : or.modalityCovariances()) {
      ObjectNode m = modalities.addObject();
      m.put("modality", c.modality());
      number(m, "var_error", c.varError());
      number(m, "cov2", c.cov2());
    }
    ArrayNode readers = node.putArray("reader_covariances");
    for (OrAnalysis.ReaderCovariances c : or.readerCovariances()) {
      ObjectNode r = readers.addObject();
      r.put("reader", c.reader());
      number(r, "var_error", c.varError());
      number(r, "cov1", c.cov1());
    }
    for (Generalization g : Generalization.values()) {
      node.set(key(g), generalization(or.result(g)));
    }
    return node;
  }

  private ObjectNode dbm(DbmAnalysis dbm) {
    ObjectNode node = mapper.createObjectNode();
    DbmMeanSquares ms = dbm.meanSquares();
    ObjectNode squares = node.putObject("mean_squares");
    number(squares, "modality", ms.modality());
    number(squares, "reader", ms.reader());
    number(squares, "cases", ms.cases());
    number(squares, "modality_by_reader", ms.modalityByReader());
    number(squares, "modality_by_case", ms.modalityByCase());
    number(squares, "reader_by_case", ms.readerByCase());
    number(squares, "modality_by_reader_by_case", ms.modalityByReaderByCase());
    ArrayNode withinModality = squares.putArray("within_modality");
    for (DbmMeanSquares.WithinModality w : ms.withinModality()) {
      ObjectNode m = withinModality.addObject();
      m.put("modality", w.modality());
      number(m, "reader", w.reader());
      number(m, "cases", w.cases());
      number(m, "reader_by_case", w.readerByCase());
    }
    ArrayNode withinReader = squares.putArray("within_reader");
    for (DbmMeanSquares.WithinReader w : ms.withinReader()) {
      ObjectNode r = withinReader.addObject();
      r.put("reader", w.reader());
      number(r, "modality", w.modality());
      number(r, "cases", w.cases());
      number(r, "modality_by_case", w.modalityByCase());
    }
    DbmVarianceComponents v = dbm.components();
    ObjectNode components = node.putObject("variance_components");
    number(components, "var_r", v.varR());
    number(components, "var_c", v.varC());
    number(components, "var_tr", v.varTR());
    number(components, "var_tc", v.varTC());
    number(components, "var_rc", v.varRC());
    number(components, "var_error", v.varError());
    for (Generalization g : Generalization.values()) {
      node.set(key(g), generalization(dbm.result(g)));
    }
    return node;
  }

  private ObjectNode generalization(GeneralizationResult r) {
    ObjectNode node = mapper.createObjectNode();
    node.put("generalization", r.generalization().description());
    GlobalTest t = r.test();
    if (t == null) {
      node.putNull("test");
    } else {
      ObjectNode test = node.putObject("test");
      test.put("distribution", t.distribution());
      number(test, "statistic", t.statistic());
      number(test, "ndf", t.ndf());
      number(test, "ddf", t.ddf());
      number(test, "p", t.p());
    }
    ArrayNode differences = node.putArray("differences");
    r.differences().forEach(d -> differences.add(difference(d)));
    ArrayNode modalities = node.putArray("modalities");
    for (ModalityEstimate m : r.modalities()) {
      ObjectNode e = modalities.addObject();
      e.put("modality", m.modality());
      number(e, "estimate", m.estimate());
      number(e, "se", m.standardError());
      number(e, "df", m.df());
      e.set("ci", interval(m.ci().lower(), m.ci().upper()));
    }
    if (!r.readers().isEmpty()) {
      ArrayNode readers = node.putArray("readers");
      for (ReaderDifference d : r.readers()) {
        ObjectNode e = difference(d.difference());
        e.put("reader", d.reader());
        readers.add(e);
      }
    }
    return node;
  }

  private ObjectNode standalone(StandaloneDifference d) {
    ObjectNode node = mapper.createObjectNode();
    node.put("modality", d.modality());
    number(node, "readers_mean", d.readersMean());
    number(node, "standalone", d.standalone());
    number(node, "ms_r", d.meanSquare());
    number(node, "var_error", d.varError());
    number(node, "cov2", d.cov2());
    for (Generalization g : Generalization.values()) {
      node.set(key(g), difference(d.result(g)));
    }
    return node;
  }

  /** A difference: "modalities" [first, second], "difference", "se", "df", "statistic", "p", "ci". */
  ObjectNode difference(ModalityDifference d) {
    ObjectNode node = mapper.createObjectNode();
    node.putArray("modalities").add(d.first()).add(d.second());
    number(node, "difference", d.estimate());
    number(node, "se", d.standardError());
    number(node, "df", d.df());
    number(node, "statistic", d.statistic());
    number(node, "p", d.p());
    node.set("ci", interval(d.ci().lower(), d.ci().upper()));
    return node;
  }

  static String key(Generalization g) {
    return g.code().toLowerCase(Locale.ROOT);
  }

  ArrayNode interval(double lower, double upper) {
    ArrayNode ci = mapper.createArrayNode();
    add(ci, lower);
    add(ci, upper);
    return ci;
  }

  private static void add(ArrayNode array, double value) {
    if (Double.isFinite(value)) {
      array.add(value);
    } else {
      array.addNull();
    }
  }

  static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
