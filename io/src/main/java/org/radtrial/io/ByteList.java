package org.radtrial.io;

import java.util.Arrays;

/** A growable byte[], so a million-row table is not a million boxed values. */
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
