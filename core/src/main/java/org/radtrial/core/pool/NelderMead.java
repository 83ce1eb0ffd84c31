package org.radtrial.core.pool;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/** Nelder-Mead minimisation (standard coefficients 1, 2, ½, ½), restarted at its optimum until it stays. */
final class NelderMead {
  private NelderMead() {}

  static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations) {
    double[] best = start.clone();
    for (int restart = 0; restart < 20; restart++) {
      double[] next = run(f, best, step, maxEvaluations);
      boolean stayed = distance(next, best) < 1e-9;
      best = next;
      if (stayed) {
        return best;
      }
      step = 0.1;
    }
    return best;
  }

  private static double[] run(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      simplex[i + 1] = start.clone();
      simplex[i + 1][i] += step;
    }
    for (int i = 0; i <= n; i++) {
      values[i] = f.applyAsDouble(simplex[i]);
    }
    int evaluations = n + 1;
    Integer[] order = new Integer[n + 1];
    while (evaluations < maxEvaluations) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      double[] v = values;
      Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
      double[][] sorted = new double[n + 1][];
      double[] sortedValues = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        sorted[i] = simplex[order[i]];
        sortedValues[i] = values[order[i]];
      }
      simplex = sorted;
      values = sortedValues;
      if (Math.abs(values[n] - values[0]) < 1e-15 * (1 + Math.abs(values[0])) && distance(simplex[n], simplex[0]) < 1e-11) {
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] reflected = toward(centroid, simplex[n], -1);
      double fr = f.applyAsDouble(reflected);
      evaluations++;
      if (fr < values[0]) {
        double[] expanded = toward(centroid, simplex[n], -2);
        double fe = f.applyAsDouble(expanded);
        evaluations++;
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
      } else if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
      } else {
        boolean outside = fr < values[n];
        double[] contracted = toward(centroid, outside ? reflected : simplex[n], 0.5);
        double fc = f.applyAsDouble(contracted);
        evaluations++;
        if (fc < (outside ? fr : values[n])) {
          simplex[n] = contracted;
          values[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = toward(simplex[0], simplex[i], 0.5);
            values[i] = f.applyAsDouble(simplex[i]);
            evaluations++;
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return simplex[best];
  }

  /** from + t (to − from). */
  private static double[] toward(double[] from, double[] to, double t) {
    double[] x = new double[from.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = from[i] + t * (to[i] - from[i]);
    }
    return x;
  }

  private static double distance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }
}
