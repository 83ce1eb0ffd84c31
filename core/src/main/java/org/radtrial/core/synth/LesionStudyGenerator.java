package org.radtrial.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A SYNTHETIC localization study for {@code radtrial lesions --marks}: mammograms of 200 × 200 mm with
 * 0–3 lesions (half the cases normal), each lesion a centre and a diameter (4–30 mm), each case a breast
 * density A–D; and the marks of three models with known behaviour:
 *
 * <ul>
 *   <li>{@code balanced}: finds a lesion with probability 0.55–0.95 rising with its size; about 0.3
 *       false marks per case;
 *   <li>{@code misses_small}: as balanced on lesions of 10 mm or more, but finds only 15% of smaller ones;
 *   <li>{@code overmarks_dense}: as balanced, plus about 1.5 more false marks on every density D case.
 * </ul>
 *
 * A hit is placed within a quarter of the lesion's radius of its centre; a false mark anywhere. Hits are
 * more confident (normal, mean 2) than false marks (mean 0). The models share their random draws (a
 * lesion found by misses_small is found by balanced at the same place and confidence; overmarks_dense
 * makes balanced's marks plus its extra ones), so they differ only by what is planted. The same seed
 * gives the same study.
 */
public final class LesionStudyGenerator {
  /** The models, in order. */
  public static final List<String> MODELS = List.of("balanced", "misses_small", "overmarks_dense");

  private LesionStudyGenerator() {}

  /** One lesion: case, id, centre (mm), diameter (mm), and the case's density. */
  public record Lesion(String caseId, String lesionId, double x, double y, double diameter, String density) {}

  /** One case with its density; normal when it has no lesion. */
  public record Case(String caseId, String density) {}

  /** One mark. */
  public record Mark(String model, String caseId, double x, double y, double confidence) {}

  /** The study. */
  public record Study(List<Case> cases, List<Lesion> lesions, List<Mark> marks) {
    public Study {
      cases = List.copyOf(cases);
      lesions = List.copyOf(lesions);
      marks = List.copyOf(marks);
    }
  }

  public static Study generate(int caseCount, long seed) {
    if (caseCount < 10) {
      throw new IllegalArgumentException("a synthetic lesion study needs at least 10 cases, was " + caseCount);
    }
    Random random = new Random(seed);
    String[] densities = {"A", "B", "C", "D"};
    List<Case> cases = new ArrayList<>();
    List<Lesion> lesions = new ArrayList<>();
    for (int k = 0; k < caseCount; k++) {
      String id = String.format(java.util.Locale.ROOT, "case%05d", k + 1);
      String density = densities[random.nextInt(4)];
      cases.add(new Case(id, density));
      if (k % 2 == 0) {
        continue;
      }
      int n = 1 + random.nextInt(3);
      for (int l = 0; l < n; l++) {
        double diameter = 4 + 26 * random.nextDouble() * random.nextDouble();
        lesions.add(new Lesion(id, String.valueOf(l + 1), 20 + 160 * random.nextDouble(), 20 + 160 * random.nextDouble(),
            Math.round(diameter * 10) / 10.0, density));
      }
    }
    // Common random numbers: every model sees the same draws for each lesion and the same base false marks,
    // so the models differ only by their planted behaviour.
    Random shared = new Random(seed * 31 + 7);
    Random extra = new Random(seed * 31 + 11);
    List<List<Mark>> perModel = new ArrayList<>();
    for (int m = 0; m < MODELS.size(); m++) {
      perModel.add(new ArrayList<>());
    }
    int next = 0;
    for (Case c : cases) {
      while (next < lesions.size() && lesions.get(next).caseId().equals(c.caseId())) {
        Lesion lesion = lesions.get(next++);
        double u = shared.nextDouble();
        double angle = 2 * Math.PI * shared.nextDouble();
        double d = shared.nextDouble() * lesion.diameter() / 8;
        double confidence = round(2 + shared.nextGaussian());
        for (int m = 0; m < MODELS.size(); m++) {
          double p = 0.55 + 0.4 * Math.min(1, (lesion.diameter() - 4) / 16);
          if (MODELS.get(m).equals("misses_small") && lesion.diameter() < 10) {
            p = 0.15;
          }
          if (u < p) {
            perModel.get(m).add(new Mark(MODELS.get(m), c.caseId(), round(lesion.x() + d * Math.cos(angle)),
                round(lesion.y() + d * Math.sin(angle)), confidence));
          }
        }
      }
      List<double[]> falseMarks = new ArrayList<>();
      int base = poisson(shared, 0.3);
      for (int f = 0; f < base; f++) {
        falseMarks.add(new double[] {round(200 * shared.nextDouble()), round(200 * shared.nextDouble()), round(shared.nextGaussian())});
      }
      int dense = c.density().equals("D") ? poisson(extra, 1.5) : 0;
      for (int m = 0; m < MODELS.size(); m++) {
        for (double[] f : falseMarks) {
          perModel.get(m).add(new Mark(MODELS.get(m), c.caseId(), f[0], f[1], f[2]));
        }
      }
      for (int f = 0; f < dense; f++) {
        perModel.get(2).add(new Mark(MODELS.get(2), c.caseId(), round(200 * extra.nextDouble()), round(200 * extra.nextDouble()),
            round(extra.nextGaussian())));
      }
    }
    List<Mark> marks = new ArrayList<>();
    perModel.forEach(marks::addAll);
    return new Study(cases, lesions, marks);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static int poisson(Random r, double mean) {
    double limit = Math.exp(-mean);
    double product = r.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= r.nextDouble();
      n++;
    }
    return n;
  }
}
