package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.List;
import org.radtrial.core.cohort.GroupColumn;

/**
 * The cases split by the levels of one or more columns: one cell per combination of levels that
 * occurs. Built by a counting sort on the combined level code, O(n + cells).
 */
final class Partition {
  /** Above this many combinations a partition is refused: the columns have too many levels. */
  static final long MAX_CELLS = 20_000_000L;

  /** One combination of levels and the cases in it (ascending case order). */
  record Cell(Subgroup subgroup, int[] cases) {}

  private Partition() {}

  /** Combined level code of every case; {@code sizes} receives the number of combinations. */
  static int[] keys(List<GroupColumn> columns, long[] sizes) {
    sizes[0] = cellCount(columns);
    int n = columns.get(0).codes().length;
    int[] keys = new int[n];
    int stride = 1;
    for (GroupColumn c : columns) {
      int[] codes = c.codes();
      for (int i = 0; i < n; i++) {
        keys[i] += stride * codes[i];
      }
      stride *= c.levelCount();
    }
    return keys;
  }

  /** The number of combinations of levels of the columns, refused above {@link #MAX_CELLS}. */
  static int cellCount(List<GroupColumn> columns) {
    long combinations = 1;
    for (GroupColumn c : columns) {
      combinations *= c.levelCount();
      if (combinations > MAX_CELLS) {
        throw new IllegalArgumentException("the columns " + names(columns) + " have more than " + MAX_CELLS
            + " combinations of levels; band continuous columns or choose fewer columns");
      }
    }
    return (int) combinations;
  }

  /** The subgroup of a combined level code. */
  static Subgroup subgroup(List<GroupColumn> columns, int key) {
    List<Subgroup.Condition> conditions = new ArrayList<>();
    for (GroupColumn c : columns) {
      conditions.add(new Subgroup.Condition(c.name(), c.levels().get(key % c.levelCount())));
      key /= c.levelCount();
    }
    return new Subgroup(conditions);
  }

  static List<Cell> of(List<GroupColumn> columns) {
    long[] size = new long[1];
    int[] keys = keys(columns, size);
    int[] counts = new int[(int) size[0] + 1];
    for (int key : keys) {
      counts[key + 1]++;
    }
    for (int k = 1; k < counts.length; k++) {
      counts[k] += counts[k - 1];
    }
    int[] sorted = new int[keys.length];
    int[] next = counts.clone();
    for (int i = 0; i < keys.length; i++) {
      sorted[next[keys[i]]++] = i;
    }
    List<Cell> cells = new ArrayList<>();
    for (int key = 0; key < size[0]; key++) {
      if (counts[key + 1] > counts[key]) {
        cells.add(new Cell(subgroup(columns, key), java.util.Arrays.copyOfRange(sorted, counts[key], counts[key + 1])));
      }
    }
    return cells;
  }

  static String names(List<GroupColumn> columns) {
    return columns.stream().map(GroupColumn::name).toList().toString();
  }

  /** All combinations of {@code size} distinct columns, in column order. */
  static List<List<GroupColumn>> combinations(List<GroupColumn> columns, int size) {
    List<List<GroupColumn>> result = new ArrayList<>();
    combine(columns, size, 0, new ArrayList<>(), result);
    return result;
  }

  private static void combine(List<GroupColumn> columns, int size, int from, List<GroupColumn> current, List<List<GroupColumn>> out) {
    if (current.size() == size) {
      out.add(List.copyOf(current));
      return;
    }
    for (int k = from; k < columns.size(); k++) {
      current.add(columns.get(k));
      combine(columns, size, k + 1, current, out);
      current.remove(current.size() - 1);
    }
  }
}
