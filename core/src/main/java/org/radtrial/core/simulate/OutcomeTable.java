package org.radtrial.core.simulate;

import java.util.List;

/**
 * Each strategy's outcome for every human-reading code, flagged or not, as {recall, detected,
 * reads, arbitrations, reviews}: computed once per assumption, then summed over cell counts.
 */
final class OutcomeTable {
  private final List<Strategy> strategies;
  private final double[][][][] table;

  OutcomeTable(List<Strategy> strategies, Programme programme, Assumption assumption, boolean[] possibleCodes) {
    this.strategies = List.copyOf(strategies);
    table = new double[strategies.size()][HumanReading.CODES][2][];
    for (int s = 0; s < strategies.size(); s++) {
      for (int code = 0; code < HumanReading.CODES; code++) {
        for (int flag = 0; flag < 2; flag++) {
          if (!possibleCodes[code]) {
            table[s][code][flag] = new double[5];
            continue;
          }
          Outcome o = Outcome.of(strategies.get(s), code, flag == 1, programme, assumption);
          double detected = HumanReading.cancer(code) ? o.recall() : 0;
          table[s][code][flag] = new double[] {o.recall(), detected, o.reads(), o.arbitrations(), o.reviews()};
        }
      }
    }
  }

  int strategies() {
    return strategies.size();
  }

  Strategy strategy(int s) {
    return strategies.get(s);
  }

  double[] outcome(int s, int code, boolean flagged) {
    return table[s][code][flagged ? 1 : 0];
  }
}
