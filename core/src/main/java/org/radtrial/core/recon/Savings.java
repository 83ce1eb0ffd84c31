package org.radtrial.core.recon;

import java.util.ArrayList;
import java.util.List;

/**
 * What each candidate protocol saves against the reference protocol over a cohort: per quantity
 * (scanner minutes, CTDIvol, DLP, injected activity, and scanner energy = minutes / 60 × the
 * department's scanner power in kW), each protocol's total and mean per exam over the exams where
 * it is known, and for each candidate the saving over the exams where both it and the reference are
 * known (paired: exams with a value for only one of the two are counted, not compared).
 */
public final class Savings {
  private Savings() {}

  /**
   * One protocol's totals.
   *
   * @param protocol its name (the reference's or a method's column)
   * @param quantities one line per quantity known for at least one exam
   */
  public record ProtocolTotals(String protocol, List<Total> quantities) {
    public ProtocolTotals {
      quantities = List.copyOf(quantities);
    }
  }

  /**
   * A quantity summed over the exams where it is known.
   *
   * @param exams exams with a value
   * @param total their sum (for CTDIvol, not additive, still the sum; show the mean)
   * @param mean the mean per exam
   */
  public record Total(SavingsQuantity quantity, int exams, double total, double mean) {}

  /**
   * What a candidate saves against the reference on one quantity, over the exams known for both.
   *
   * @param exams exams with a value for both
   * @param reference the reference's total over those exams
   * @param candidate the candidate's total over those exams
   * @param saved reference − candidate (negative: the candidate costs more)
   * @param savedPerExam saved / exams
   * @param fraction saved / reference (NaN when the reference's total is 0)
   * @param unpaired exams with a value for only one of the two
   */
  public record Saving(String method, SavingsQuantity quantity, int exams, double reference, double candidate,
      double saved, double savedPerExam, double fraction, int unpaired) {}

  /** The whole comparison; {@code scannerKw} is NaN when no power figure was given (then no energy). */
  public record Result(double scannerKw, List<ProtocolTotals> protocols, List<Saving> savings) {
    public Result {
      protocols = List.copyOf(protocols);
      savings = List.copyOf(savings);
    }
  }

  /**
   * Totals and savings.
   *
   * @param protocols the reference's name first, then each method's
   * @param costs costs[exam][protocol], in the order of {@code protocols}
   * @param scannerKw the scanner's mean power while scanning in kW, or NaN for no energy figures
   */
  public static Result of(List<String> protocols, ExamCost[][] costs, double scannerKw) {
    if (!Double.isNaN(scannerKw) && !(scannerKw > 0 && scannerKw < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("the scanner's power must be a positive number of kW, was " + scannerKw);
    }
    int p = protocols.size();
    for (ExamCost[] exam : costs) {
      if (exam.length != p) {
        throw new IllegalArgumentException("each exam needs a cost for each of the " + p + " protocols");
      }
    }
    List<ProtocolTotals> totals = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      List<Total> lines = new ArrayList<>();
      for (SavingsQuantity q : SavingsQuantity.values()) {
        int n = 0;
        double sum = 0;
        for (ExamCost[] exam : costs) {
          double v = value(exam[j], q, scannerKw);
          if (!Double.isNaN(v)) {
            n++;
            sum += v;
          }
        }
        if (n > 0) {
          lines.add(new Total(q, n, sum, sum / n));
        }
      }
      totals.add(new ProtocolTotals(protocols.get(j), lines));
    }
    List<Saving> savings = new ArrayList<>();
    for (int j = 1; j < p; j++) {
      for (SavingsQuantity q : SavingsQuantity.values()) {
        int n = 0;
        int unpaired = 0;
        double ref = 0;
        double cand = 0;
        for (ExamCost[] exam : costs) {
          double r = value(exam[0], q, scannerKw);
          double c = value(exam[j], q, scannerKw);
          if (!Double.isNaN(r) && !Double.isNaN(c)) {
            n++;
            ref += r;
            cand += c;
          } else if (!Double.isNaN(r) || !Double.isNaN(c)) {
            unpaired++;
          }
        }
        if (n > 0) {
          double saved = ref - cand;
          savings.add(new Saving(protocols.get(j), q, n, ref, cand, saved, saved / n, ref > 0 ? saved / ref : Double.NaN,
              unpaired));
        }
      }
    }
    return new Result(scannerKw, totals, savings);
  }

  private static double value(ExamCost c, SavingsQuantity q, double scannerKw) {
    return q == SavingsQuantity.ENERGY ? c.minutes() / 60 * scannerKw : c.get(q);
  }
}
