package org.radtrial.io;

import java.util.Arrays;

/** Growable primitive arrays, so a million-row table is not a million boxed values. */
final class PrimitiveLists {
  private PrimitiveLists() {}
}

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

final class ByteList {
  private byte[] values = new byte[1024];
  private int size;

  void add(byte value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  byte[] toArray() {
    return Arrays.copyOf(values, size);
  }
}

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
