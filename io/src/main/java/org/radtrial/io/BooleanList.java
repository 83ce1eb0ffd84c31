package org.radtrial.io;

import java.util.Arrays;

/** A growable boolean[], so a million-row table is not a million boxed values. */
final class BooleanList {
  private boolean[] values = new boolean[1024];
  private int size;
  private int trueCount;

  void add(boolean value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
    trueCount += value ? 1 : 0;
  }

  boolean[] toArray() {
    return Arrays.copyOf(values, size);
  }

  int countTrue() {
    return trueCount;
  }
}
