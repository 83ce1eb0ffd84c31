package org.radtrial.io;

import java.util.Arrays;

/** A growable double[], so a million-row table is not a million boxed values. */
final class DoubleList {
  private double[] values = new double[1024];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
