package org.radtrial.core.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A metadata column as codes: each case's level, 0 … levels − 1. Categorical columns keep their
 * values (sorted); continuous columns are banded. An empty cell is its own level, "(missing)", so
 * no case falls out of the audit.
 *
 * @param name the column
 * @param codes level of each case
 * @param levels level names, indexed by code
 * @param bands the bands when the column was banded, else null
 */
public record GroupColumn(String name, int[] codes, List<String> levels, @Nullable Bands bands) {
  public static final String MISSING = "(missing)";
  /** A numeric column with more distinct values than this is banded. */
  static final int MAX_NUMERIC_LEVELS = 10;

  public GroupColumn {
    levels = List.copyOf(levels);
  }

  /**
   * Codes a column; banded with {@code bands} when given, else with {@link Bands#defaultFor} when
   * every non-empty value is a number and there are more than 10 distinct values.
   */
  public static GroupColumn of(String name, List<String> values, @Nullable Bands bands) {
    // each distinct value once: parsing, sorting and banding cost the number of values, not of cases
    Map<String, Integer> index = new HashMap<>();
    List<String> distinctValues = new ArrayList<>();
    int[] valueOf = new int[values.size()];
    for (int i = 0; i < valueOf.length; i++) {
      String v = values.get(i);
      Integer k = index.get(v);
      if (k == null) {
        k = distinctValues.size();
        index.put(v, k);
        distinctValues.add(v);
      }
      valueOf[i] = k;
    }
    double[] distinctNumbers = numbers(distinctValues);
    long distinct = distinctValues.stream().filter(v -> !v.isEmpty()).count();
    double[] numbers = null;
    if (distinctNumbers != null) {
      numbers = new double[valueOf.length];
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] = distinctNumbers[valueOf[i]];
      }
    }
    if (bands == null && numbers != null && distinct > MAX_NUMERIC_LEVELS) {
      bands = Bands.defaultFor(name, presentNumbers(values, numbers));
    }
    if (bands != null) {
      if (numbers == null) {
        throw new IllegalArgumentException("bands were given for column " + name + ", but it holds values that are not numbers");
      }
      return banded(name, values, numbers, bands);
    }
    GroupColumn levels = categorical(name, distinctValues, numbers != null);
    int[] codes = new int[valueOf.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = levels.codes()[valueOf[i]];
    }
    return new GroupColumn(name, codes, levels.levels(), null);
  }

  public int levelCount() {
    return levels.size();
  }

  /** Levels in order: numerically for numeric codes (2 before 10), else alphabetically; "(missing)" last. */
  private static GroupColumn categorical(String name, List<String> values, boolean numeric) {
    java.util.Comparator<String> order = numeric
        ? java.util.Comparator.comparing((String v) -> v.equals(MISSING)).thenComparingDouble(v -> v.equals(MISSING) ? 0 : Double.parseDouble(v))
        : java.util.Comparator.comparing((String v) -> v.equals(MISSING)).thenComparing(java.util.Comparator.naturalOrder());
    TreeMap<String, Integer> sorted = new TreeMap<>(order);
    for (String v : values) {
      sorted.putIfAbsent(v.isEmpty() ? MISSING : v, 0);
    }
    Map<String, Integer> code = new LinkedHashMap<>();
    for (String level : sorted.keySet()) {
      code.put(level, code.size());
    }
    int[] codes = new int[values.size()];
    for (int i = 0; i < codes.length; i++) {
      String v = values.get(i);
      codes[i] = java.util.Objects.requireNonNull(code.get(v.isEmpty() ? MISSING : v));
    }
    return new GroupColumn(name, codes, new ArrayList<>(code.keySet()), null);
  }

  private static GroupColumn banded(String name, List<String> values, double[] numbers, Bands bands) {
    List<String> levels = new ArrayList<>(bands.labels());
    int missingCode = -1;
    int[] codes = new int[values.size()];
    for (int i = 0; i < codes.length; i++) {
      if (Double.isNaN(numbers[i])) {
        if (missingCode < 0) {
          missingCode = levels.size();
          levels.add(MISSING);
        }
        codes[i] = missingCode;
      } else {
        codes[i] = bands.band(numbers[i]);
      }
    }
    return new GroupColumn(name, codes, levels, bands);
  }

  /** The values as numbers (NaN for empty cells), or null if any non-empty value is not a number. */
  private static double @Nullable [] numbers(List<String> values) {
    double[] numbers = new double[values.size()];
    for (int i = 0; i < numbers.length; i++) {
      String v = values.get(i);
      if (v.isEmpty()) {
        numbers[i] = Double.NaN;
        continue;
      }
      try {
        numbers[i] = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return null;
      }
      if (!Double.isFinite(numbers[i])) {
        return null;
      }
    }
    return numbers;
  }

  private static double[] presentNumbers(List<String> values, double[] numbers) {
    return java.util.Arrays.stream(numbers).filter(x -> !Double.isNaN(x)).toArray();
  }
}
