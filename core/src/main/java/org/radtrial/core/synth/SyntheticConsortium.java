package org.radtrial.core.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;

/**
 * A SYNTHETIC consortium for demonstrating and testing {@code radtrial pool}: one screening cohort
 * ({@link ScreeningCohortGenerator}) per site, thinned so that sites differ in prevalence (negatives
 * kept with a site's probability from 0.4 to 1) and in vendor mix (each vendor kept with a site's
 * probability from 0.2 to 1), and one site, the last, where model_a fails: its scores there are
 * shuffled across the site's cases, so its AUC is about 0.5 (as after a scanner change the model
 * never saw). Case ids are prefixed with the site. The same seed gives the same consortium.
 */
public final class SyntheticConsortium {
  /** The model that fails at the last site. */
  public static final String FAILING_MODEL = "model_a";

  private SyntheticConsortium() {}

  /** A site's name and its cohort. */
  public record Site(String name, Cohort cohort) {}

  /** {@code sites} cohorts drawn from about {@code casesPerSite} exams each. */
  public static List<Site> generate(int sites, int casesPerSite, long seed) {
    if (sites < 2) {
      throw new IllegalArgumentException("a consortium needs at least 2 sites, was " + sites);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Site> out = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      String name = String.format(Locale.ROOT, "site-%d", s + 1);
      double keepNegative = 0.4 + 0.6 * random.nextDouble();
      double[] keepVendor = {0.2 + 0.8 * random.nextDouble(), 0.2 + 0.8 * random.nextDouble(), 0.2 + 0.8 * random.nextDouble()};
      Cohort full = ScreeningCohortGenerator.generate(casesPerSite, random.nextLong(), true);
      SplittableRandom thin = random.split();
      List<Integer> kept = new ArrayList<>();
      List<String> vendor = full.metadata().get("vendor");
      for (int i = 0; i < full.size(); i++) {
        double p = (full.truth()[i] ? 1 : keepNegative) * keepVendor[vendorIndex(vendor == null ? "A" : vendor.get(i))];
        if (thin.nextDouble() < p) {
          kept.add(i);
        }
      }
      out.add(new Site(name, subset(full, kept, name, s == sites - 1 ? thin : null)));
    }
    return List.copyOf(out);
  }

  private static int vendorIndex(String vendor) {
    return vendor.equals("A") ? 0 : vendor.equals("B") ? 1 : 2;
  }

  /** The kept cases, ids prefixed; with {@code shuffle}, FAILING_MODEL's scores permuted. */
  private static Cohort subset(Cohort full, List<Integer> kept, String site, @org.jspecify.annotations.Nullable SplittableRandom shuffle) {
    int n = kept.size();
    List<String> ids = new ArrayList<>(n);
    boolean[] truth = new boolean[n];
    for (int j = 0; j < n; j++) {
      ids.add(site + "-" + full.caseIds().get(kept.get(j)));
      truth[j] = full.truth()[kept.get(j)];
    }
    List<ModelScores> models = new ArrayList<>();
    for (ModelScores m : full.models()) {
      double[] scores = new double[n];
      for (int j = 0; j < n; j++) {
        scores[j] = m.scores()[kept.get(j)];
      }
      if (shuffle != null && m.name().equals(FAILING_MODEL)) {
        for (int j = n - 1; j > 0; j--) {
          int k = shuffle.nextInt(j + 1);
          double t = scores[j];
          scores[j] = scores[k];
          scores[k] = t;
        }
      }
      models.add(new ModelScores(m.name(), scores, m.higherIsPositive()));
    }
    List<ReaderDecisions> readers = new ArrayList<>();
    for (ReaderDecisions r : full.readers()) {
      byte[] d = new byte[n];
      for (int j = 0; j < n; j++) {
        d[j] = r.decisions()[kept.get(j)];
      }
      readers.add(new ReaderDecisions(r.name(), d));
    }
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    full.metadata().forEach((column, values) -> {
      List<String> v = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        v.add(values.get(kept.get(j)));
      }
      metadata.put(column, v);
    });
    return new Cohort(ids, truth, models, readers, metadata);
  }
}
