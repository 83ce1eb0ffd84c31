package org.radtrial.core.simulate;

import java.util.Locale;

/** A quantity a virtual trial reports for each strategy, from its counters and the baseline's. */
public enum SimulationMetric {
  CDR("cancer detection rate per 1,000 exams") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return 1000 * c.detected() / c.exams();
    }
  },
  RECALL_RATE("share of exams recalled") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.recalls() / c.exams();
    }
  },
  FP_PER_1000("false-positive recalls per 1,000 exams") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return 1000 * (c.recalls() - c.detected()) / c.exams();
    }
  },
  PPV("share of recalls with cancer") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.recalls() == 0 ? Double.NaN : c.detected() / c.recalls();
    }
  },
  SENSITIVITY("share of cancers (within the follow-up window) detected") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.cancers() == 0 ? Double.NaN : c.detected() / c.cancers();
    }
  },
  DETECTED("cancers detected") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.detected();
    }
  },
  MISSED_VS_BASELINE("cancers detected by the baseline but not here, net") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return baseline.detected() - c.detected();
    }
  },
  RECALLS("women recalled") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.recalls();
    }
  },
  HUMAN_READS("human reads") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.reads();
    }
  },
  ARBITRATIONS("arbitrations, consensus discussions and extra reviews") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.arbitrations() + c.reviews();
    }
  },
  READING_HOURS("radiologists' reading hours") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return hours(c, p);
    }
  },
  WORKLOAD_CHANGE_PCT("reading hours compared with the baseline, in %") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      double base = hours(baseline, p);
      return base == 0 ? Double.NaN : 100 * (hours(c, p) - base) / base;
    }
  },
  COST("recalls × cost per recall + reading hours × cost per hour") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.recalls() * p.costPerRecall() + hours(c, p) * p.costPerReadingHour();
    }
  },
  ENERGY_KWH("energy of the additional imaging of the recalled, kWh") {
    @Override
    double of(Counters c, Counters baseline, Programme p) {
      return c.recalls() * p.energyPerRecallKwh();
    }
  };

  private final String description;

  SimulationMetric(String description) {
    this.description = description;
  }

  abstract double of(Counters c, Counters baseline, Programme p);

  public double value(Counters c, Counters baseline, Programme p) {
    return of(c, baseline, p);
  }

  public String description() {
    return description;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static double hours(Counters c, Programme p) {
    return (c.reads() * p.minutesPerRead() + c.arbitrations() * p.minutesPerArbitration()
        + c.reviews() * p.minutesPerReview()) / 60;
  }

  /** The metric named {@code key}, e.g. "recall_rate". */
  public static SimulationMetric of(String key) {
    for (SimulationMetric m : values()) {
      if (m.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + key + "'; use one of " + java.util.Arrays.stream(values())
        .map(SimulationMetric::key).toList());
  }
}
