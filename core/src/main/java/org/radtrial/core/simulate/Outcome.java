package org.radtrial.core.simulate;

/**
 * What happens to one exam under one strategy: the probability it is recalled (0 or 1 when every
 * decision was recorded; an assumed probability where a decision never happened), and the work.
 *
 * @param recall probability of recall
 * @param reads human reads
 * @param arbitrations arbitrations or consensus discussions
 * @param reviews extra reviews
 */
record Outcome(double recall, double reads, double arbitrations, double reviews) {

  /**
   * The outcome of exam {@code code} with AI flag {@code flagged}.
   *
   * @throws IllegalStateException for a recorded-arbitration programme whose discordant exam has no
   *     recorded arbitration (the reader rejects such data first)
   */
  static Outcome of(Strategy strategy, int code, boolean flagged, Programme programme, Assumption assumption) {
    boolean cancer = HumanReading.cancer(code);
    return switch (strategy) {
      case BASELINE -> programme(code, programme);
      case INDEPENDENT_READER -> new Outcome(flagged ? 1 : 0, 0, 0, 0);
      case REPLACE_SECOND_READER -> replaceSecondReader(code, flagged, programme, assumption, cancer);
      case TRIAGE -> flagged ? programme(code, programme) : new Outcome(HumanReading.reader1(code) ? 1 : 0, 1, 0, 0);
      case RULE_OUT -> flagged ? programme(code, programme) : new Outcome(0, 0, 0, 0);
      case SAFETY_NET -> {
        Outcome human = programme(code, programme);
        if (flagged && human.recall() == 0) {
          yield new Outcome(assumption.recall(cancer), human.reads(), human.arbitrations(), 1);
        }
        yield human;
      }
      case CONCURRENT_ASSISTANCE -> assisted(code, programme, assumption, cancer);
    };
  }

  /** The programme as recorded: single reading by reader 1, or double reading with its rule. */
  static Outcome programme(int code, Programme programme) {
    boolean r1 = HumanReading.reader1(code);
    if (!programme.doubleReading()) {
      return new Outcome(r1 ? 1 : 0, 1, 0, 0);
    }
    boolean r2 = HumanReading.reader2(code);
    if (r1 == r2) {
      return new Outcome(r1 ? 1 : 0, 2, 0, 0);
    }
    return switch (programme.arbitration()) {
      case EITHER_RECALLS -> new Outcome(1, 2, 0, 0);
      case BOTH_RECALL -> new Outcome(0, 2, 0, 0);
      case RECORDED -> {
        int arbitration = HumanReading.arbitration(code);
        if (arbitration < 0) {
          throw new IllegalStateException("a discordant exam without a recorded arbitration");
        }
        yield new Outcome(arbitration, 2, 1, 0);
      }
    };
  }

  /**
   * Reader 1 and the AI: agreement decides; a discordance goes to arbitration, whose recorded
   * outcome is used when the same disagreement was arbitrated in reality (reader 2 sided with the
   * AI), and the named assumption otherwise.
   */
  private static Outcome replaceSecondReader(int code, boolean flagged, Programme programme, Assumption assumption,
      boolean cancer) {
    boolean r1 = HumanReading.reader1(code);
    if (r1 == flagged) {
      return new Outcome(r1 ? 1 : 0, 1, 0, 0);
    }
    return switch (programme.arbitration()) {
      case EITHER_RECALLS -> new Outcome(1, 1, 0, 0);
      case BOTH_RECALL -> new Outcome(0, 1, 0, 0);
      case RECORDED -> {
        boolean sameDisagreement = programme.doubleReading() && HumanReading.reader2(code) == flagged
            && HumanReading.arbitration(code) >= 0;
        yield new Outcome(sameDisagreement ? HumanReading.arbitration(code) : assumption.recall(cancer), 1, 1, 0);
      }
    };
  }

  /**
   * The recorded AI-assisted reads, resolved like the programme: a discordance that repeats the
   * unaided one keeps its recorded arbitration, a new one follows the named assumption.
   */
  private static Outcome assisted(int code, Programme programme, Assumption assumption, boolean cancer) {
    boolean a1 = HumanReading.assisted1(code);
    if (!programme.doubleReading()) {
      return new Outcome(a1 ? 1 : 0, 1, 0, 0);
    }
    boolean a2 = HumanReading.assisted2(code);
    if (a1 == a2) {
      return new Outcome(a1 ? 1 : 0, 2, 0, 0);
    }
    return switch (programme.arbitration()) {
      case EITHER_RECALLS -> new Outcome(1, 2, 0, 0);
      case BOTH_RECALL -> new Outcome(0, 2, 0, 0);
      case RECORDED -> {
        boolean sameDisagreement = HumanReading.reader1(code) == a1 && HumanReading.reader2(code) == a2
            && HumanReading.arbitration(code) >= 0;
        yield new Outcome(sameDisagreement ? HumanReading.arbitration(code) : assumption.recall(cancer), 2, 1, 0);
      }
    };
  }
}
