package org.radtrial.core.cohort;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Case identifiers kept as the ASCII bytes they were read from, each made a {@code String} only
 * when asked for. A million exams' ids as strings cost about 60 MB and a tenth of a second to
 * create, while most runs never look at an id; the bytes are already in memory while a table is
 * read. Immutable: the byte array is never written after construction, and {@link Cohort} keeps
 * this list as it is instead of copying it.
 */
public final class PackedIds extends AbstractList<String> implements RandomAccess {
  private final byte[] bytes;
  private final int[] starts;
  private final int[] ends;

  /**
   * @param bytes ASCII text holding every id; the caller must never change it afterwards
   * @param starts where id i starts in {@code bytes}
   * @param ends where id i ends (exclusive); same length as {@code starts}
   */
  public PackedIds(byte[] bytes, int[] starts, int[] ends) {
    if (starts.length != ends.length) {
      throw new IllegalArgumentException(starts.length + " starts for " + ends.length + " ends");
    }
    this.bytes = bytes;
    this.starts = starts;
    this.ends = ends;
  }

  @Override
  public String get(int index) {
    return new String(bytes, starts[index], ends[index] - starts[index], StandardCharsets.US_ASCII);
  }

  @Override
  public int size() {
    return starts.length;
  }
}
