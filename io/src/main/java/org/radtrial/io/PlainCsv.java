package org.radtrial.io;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.PackedIds;
import org.radtrial.core.cohort.ReaderDecisions;

/**
 * The fast path of {@link CaseTableReader} for the common case, a plain CSV: ASCII, no quotes, one
 * line per row, every cell valid. The file is read once into memory, cut into chunks at line
 * boundaries, and the chunks are parsed on all cores straight into the cohort's primitive arrays
 * (scores from the bytes, no string per cell).
 *
 * <p>Why it never changes a result or a message: it accepts only what the checking reader would
 * accept unchanged, and gives up (returns null) at the first thing that reader would treat in any
 * special way: a quote, a non-ASCII byte or a lone carriage return; a blank line; a wrong number of
 * cells; a missing, unparsable, non-plain or non-finite value; an unknown decision; a third truth
 * value, a missing one or a class absent; an empty or repeated case id. {@link CaseTableReader}
 * then reads the file again row by row, and it is that reader, with its exact row numbers, that
 * reports the problem (or, with {@code --missing exclude}, keeps the missing values). The fast path
 * costs a bad file one extra read; a good file is read once.
 */
final class PlainCsv {
  /** Chunks per core, so a slow chunk does not hold up the others. */
  private static final int CHUNKS_PER_CORE = 4;
  private static final int MIN_CHUNK_BYTES = 1 << 20;

  private final byte[] bytes;
  private final char delimiter;
  private final List<String> header;
  /** Chunk c holds the rows starting in bytes [starts[c], starts[c + 1]); rows before it: firstRow[c]. */
  private final int[] starts;
  private final int[] firstRow;
  private final int rows;
  private volatile @Nullable String sha256;

  private PlainCsv(byte[] bytes, char delimiter, List<String> header, int[] starts, int[] firstRow, int rows) {
    this.bytes = bytes;
    this.delimiter = delimiter;
    this.header = header;
    this.starts = starts;
    this.firstRow = firstRow;
    this.rows = rows;
  }

  /** The file as a plain CSV, or null if it is not one (the checking reader then reads it). */
  static @Nullable PlainCsv open(Path path, char delimiter) {
    byte[] bytes;
    try {
      if (delimiter >= 0x80 || delimiter == '"' || Files.size(path) > Integer.MAX_VALUE - 64) {
        return null;
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    int headerEnd = indexOf(bytes, (byte) '\n', 0, bytes.length);
    if (headerEnd < 0 || headerEnd + 1 >= bytes.length) {
      return null;
    }
    int dataStart = headerEnd + 1;
    int end = bytes.length;
    int chunks = Math.max(1, Math.min(CHUNKS_PER_CORE * Runtime.getRuntime().availableProcessors(),
        (end - dataStart) / MIN_CHUNK_BYTES));
    int[] starts = new int[chunks + 1];
    starts[0] = dataStart;
    starts[chunks] = end;
    for (int c = 1; c < chunks; c++) {
      int guess = Math.max(starts[c - 1], dataStart + (int) ((long) (end - dataStart) * c / chunks));
      int newline = indexOf(bytes, (byte) '\n', guess, end);
      starts[c] = newline < 0 ? end : newline + 1;
    }
    int[] lines = new int[chunks];
    AtomicBoolean plain = new AtomicBoolean(isPlain(bytes, 0, dataStart));
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = starts[c];
      int to = starts[c + 1];
      // One branch-free sweep, eight bytes at a time: count line ends, and note any quote, non-ASCII
      // byte or carriage return.
      int count = 0;
      long high = 0;
      long quotes = 0;
      long returns = 0;
      int k = from;
      for (; k + 8 <= to; k += 8) {
        long word = (long) LONGS.get(bytes, k);
        high |= word;
        count += Long.bitCount(zeroBytes(word ^ 0x0A0A0A0A0A0A0A0AL));
        quotes |= zeroBytes(word ^ 0x2222222222222222L);
        returns |= zeroBytes(word ^ 0x0D0D0D0D0D0D0D0DL);
      }
      boolean odd = (high & 0x8080808080808080L) != 0 || quotes != 0;
      boolean carriageReturn = returns != 0;
      for (; k < to; k++) {
        byte b = bytes[k];
        count += b == '\n' ? 1 : 0;
        odd |= b < 0 | b == '"';
        carriageReturn |= b == '\r';
      }
      if (odd || carriageReturn && !isPlain(bytes, from, to)) {
        plain.set(false);
        return;
      }
      lines[c] = count + (to > from && bytes[to - 1] != '\n' ? 1 : 0);
    });
    if (!plain.get()) {
      return null;
    }
    int[] firstRow = new int[chunks];
    long rows = 0;
    for (int c = 0; c < chunks; c++) {
      firstRow[c] = (int) rows;
      rows += lines[c];
    }
    if (rows == 0 || rows > Integer.MAX_VALUE - 64) {
      return null;
    }
    int headerLineEnd = headerEnd > 0 && bytes[headerEnd - 1] == '\r' ? headerEnd - 1 : headerEnd;
    List<String> header = new ArrayList<>();
    int cellStart = 0;
    for (int k = 0; k <= headerLineEnd; k++) {
      if (k == headerLineEnd || bytes[k] == delimiter) {
        header.add(new String(bytes, cellStart, k - cellStart, StandardCharsets.US_ASCII).trim());
        cellStart = k + 1;
      }
    }
    return new PlainCsv(bytes, delimiter, List.copyOf(header), starts, firstRow, (int) rows);
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

  /** 0x80 in every byte of the word that is zero, 0 elsewhere: exact, as no addition carries between bytes. */
  static long zeroBytes(long word) {
    return ~(((word & LOW_SEVEN) + LOW_SEVEN) | word | LOW_SEVEN);
  }

  private static boolean isPlain(byte[] bytes, int from, int to) {
    for (int k = from; k < to; k++) {
      if (bytes[k] < 0 || bytes[k] == '"' || bytes[k] == '\r' && (k + 1 == to || bytes[k + 1] != '\n')) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int k = from; k < to; k++) {
      if (bytes[k] == b) {
        return k;
      }
    }
    return -1;
  }

  List<String> header() {
    return header;
  }

  /** The SHA-256 of the file's bytes, once {@link #cohort} has computed it. */
  @Nullable String sha256() {
    return sha256;
  }

  /**
   * The cohort, exactly as {@link CaseTableReader} would build it, or null if any row needs that
   * reader (see the class comment). With {@code checksum}, the SHA-256 of the file's bytes is
   * computed as one more task beside the chunks (it is sequential, so it takes a core while the
   * chunks share the rest), and {@link #sha256()} gives it afterwards: the checksum of exactly the
   * bytes parsed, without reading the file a second time.
   */
  @Nullable Cohort cohort(CaseTableReader.Columns columns, CaseTableSpec spec, boolean checksum) {
    if (CaseTableReader.isMissing(spec.positiveValue())
        || spec.negativeValue() != null && CaseTableReader.isMissing(spec.negativeValue())) {
      return null;
    }
    Target target = new Target(columns, spec, rows, header.size());
    AtomicBoolean ok = new AtomicBoolean(true);
    int chunks = firstRow.length;
    IntStream.range(0, checksum ? chunks + 1 : chunks).parallel().forEach(c -> {
      if (c == chunks) {
        sha256 = Checksums.sha256(bytes);
      } else if (ok.get() && !target.parse(bytes, starts[c], starts[c + 1], firstRow[c], delimiter, ok)) {
        ok.set(false);
      }
    });
    if (!ok.get()) {
      return null;
    }
    return target.cohort(spec, bytes);
  }

  /** The arrays the chunks fill, each chunk its own slice of rows. */
  static final class Target {
    private final CaseTableReader.Columns columns;
    private final int cells;
    private final byte[] positive;
    private final byte @Nullable [] negative;
    /** Where each row's case id lies in the file's bytes, and a hash of it (to find a repeated id). */
    private final int[] idStarts;
    private final int[] idEnds;
    private final long[] idHashes;
    private final boolean[] truth;
    private final double[][] scores;
    private final byte[][] decisions;
    private final String[][] metadata;
    /** Without --negative: the first non-positive truth value any chunk saw; every other must equal it. */
    private final AtomicReference<byte @Nullable []> firstNegative = new AtomicReference<>();

    Target(CaseTableReader.Columns columns, CaseTableSpec spec, int rows, int cells) {
      this.columns = columns;
      this.cells = cells;
      positive = spec.positiveValue().getBytes(StandardCharsets.UTF_8);
      negative = spec.negativeValue() == null ? null : spec.negativeValue().getBytes(StandardCharsets.UTF_8);
      boolean ids = columns.id() >= 0;
      idStarts = new int[ids ? rows : 0];
      idEnds = new int[ids ? rows : 0];
      idHashes = new long[ids ? rows : 0];
      truth = new boolean[rows];
      scores = new double[columns.models().length][rows];
      decisions = new byte[columns.readers().length][rows];
      metadata = new String[columns.metadata().length][rows];
    }

    /** Parses the rows in bytes [from, to); false at the first thing the checking reader must see. */
    boolean parse(byte[] bytes, int from, int to, int row, char delimiter, AtomicBoolean ok) {
      int[] cellFrom = new int[cells];
      int[] cellTo = new int[cells];
      char[] scratch = new char[64];
      CellStrings[] readerCells = new CellStrings[decisions.length];
      CellStrings[] metadataCells = new CellStrings[metadata.length];
      for (int k = 0; k < readerCells.length; k++) {
        readerCells[k] = new CellStrings();
      }
      for (int k = 0; k < metadataCells.length; k++) {
        metadataCells[k] = new CellStrings();
      }
      int r = row;
      int k = from;
      while (k < to) {
        if ((r & 0xFFF) == 0 && !ok.get()) {
          return false;
        }
        // One scan of the line, cell by cell: each cell ends at the delimiter or at the line's end.
        int cell = 0;
        int start = k;
        boolean lineEnds = false;
        while (!lineEnds) {
          int j = start;
          while (j < to && bytes[j] != delimiter && bytes[j] != '\n') {
            j++;
          }
          lineEnds = j == to || bytes[j] == '\n';
          if (cell == cells) {
            return false;
          }
          int a = start;
          int b = lineEnds && j > start && bytes[j - 1] == '\r' ? j - 1 : j;
          while (a < b && (bytes[a] & 0xFF) <= ' ') {
            a++;
          }
          while (b > a && (bytes[b - 1] & 0xFF) <= ' ') {
            b--;
          }
          cellFrom[cell] = a;
          cellTo[cell++] = b;
          start = j + 1;
        }
        int next = start;
        if (cell != cells || !row(bytes, r, cellFrom, cellTo, scratch, readerCells, metadataCells)) {
          return false;
        }
        r++;
        k = next;
      }
      return true;
    }

    private boolean row(byte[] bytes, int r, int[] from, int[] to, char[] scratch, CellStrings[] readerCells,
        CellStrings[] metadataCells) {
      if (columns.id() >= 0) {
        int a = from[columns.id()];
        int b = to[columns.id()];
        if (a == b) {
          return false;
        }
        idStarts[r] = a;
        idEnds[r] = b;
        idHashes[r] = hash(bytes, a, b);
      }
      int t = columns.truth();
      if (equal(bytes, from[t], to[t], positive)) {
        truth[r] = true;
      } else if (negative != null) {
        if (!equal(bytes, from[t], to[t], negative)) {
          return false;
        }
      } else {
        byte[] seen = firstNegative.get();
        if (seen == null) {
          firstNegative.compareAndSet(null, Arrays.copyOfRange(bytes, from[t], to[t]));
          seen = java.util.Objects.requireNonNull(firstNegative.get());
        }
        if (!equal(bytes, from[t], to[t], seen)) {
          return false;
        }
      }
      for (int k = 0; k < scores.length; k++) {
        int c = columns.models()[k];
        double value = score(bytes, from[c], to[c], scratch);
        if (Double.isNaN(value)) {
          return false;
        }
        scores[k][r] = value;
      }
      for (int k = 0; k < decisions.length; k++) {
        int c = columns.readers()[k];
        byte decision = readerCells[k].decision(bytes, from[c], to[c]);
        if (decision == ReaderDecisions.MISSING) {
          return false;
        }
        decisions[k][r] = decision;
      }
      for (int k = 0; k < metadata.length; k++) {
        int c = columns.metadata()[k];
        metadata[k][r] = metadataCells[k].of(bytes, from[c], to[c]);
      }
      return true;
    }

    /**
     * The score as the checking reader parses it, or NaN where that reader would stop or exclude.
     * A plain decimal of at most 15 digits is exact as its digits (an integer below 2^53) divided by
     * a power of ten (exact up to 10^22), and IEEE division rounds that quotient correctly: the
     * double {@code Double.parseDouble} gives (Clinger's fast path). Anything else goes through
     * Jackson's parser.
     */
    static double score(byte[] bytes, int from, int to, char[] scratch) {
      int length = to - from;
      if (length == 0 || length > scratch.length) {
        return Double.NaN;
      }
      int at = from;
      boolean negative = bytes[at] == '-';
      if (negative || bytes[at] == '+') {
        at++;
      }
      long digits = 0;
      int count = 0;
      int point = -1;
      for (; at < to; at++) {
        int c = bytes[at] - '0';
        if (c >= 0 && c <= 9) {
          digits = digits * 10 + c;
          count++;
        } else if (bytes[at] == '.' && point < 0) {
          point = at;
        } else {
          count = Integer.MAX_VALUE;
          break;
        }
      }
      if (count > 0 && count <= 15) {
        int decimals = point < 0 ? 0 : to - point - 1;
        double value = decimals == 0 ? digits : digits / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
      }
      for (int k = 0; k < length; k++) {
        char c = (char) bytes[from + k];
        if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
          return Double.NaN;
        }
        scratch[k] = c;
      }
      double value;
      try {
        value = NumberInput.parseDouble(scratch, 0, length, true);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
      return Double.isInfinite(value) ? Double.NaN : value;
    }

    /**
     * The cells of one column in one chunk as strings, one string per distinct value (up to
     * {@link #MOST} values, then one per cell): a metadata column of a few levels over a million
     * rows costs a few strings, not a million, and a reader's column a few decisions.
     */
    static final class CellStrings {
      static final int MOST = 1 << 12;
      private final String[] strings = new String[2 * MOST];
      private final int[] hashes = new int[2 * MOST];
      private final byte[] decisions = new byte[2 * MOST];
      private int size;

      /** The cell's text. */
      String of(byte[] bytes, int from, int to) {
        int slot = slot(bytes, from, to);
        return slot < 0 ? text(bytes, from, to) : strings[slot];
      }

      /** The reader decision the checking reader reads in the cell, or MISSING where it would stop. */
      byte decision(byte[] bytes, int from, int to) {
        int slot = slot(bytes, from, to);
        return slot < 0 ? decide(text(bytes, from, to)) : decisions[slot];
      }

      /** The cell's slot, filled on first sight; -1 once the table holds {@link #MOST} values. */
      private int slot(byte[] bytes, int from, int to) {
        int h = 1;
        for (int k = from; k < to; k++) {
          h = 31 * h + bytes[k];
        }
        h ^= h >>> 16;
        int mask = strings.length - 1;
        int slot = h & mask;
        for (String seen = strings[slot]; seen != null; seen = strings[slot]) {
          if (hashes[slot] == h && sameText(seen, bytes, from, to)) {
            return slot;
          }
          slot = (slot + 1) & mask;
        }
        if (size == MOST) {
          return -1;
        }
        String text = text(bytes, from, to);
        strings[slot] = text;
        hashes[slot] = h;
        decisions[slot] = decide(text);
        size++;
        return slot;
      }

      private static boolean sameText(String seen, byte[] bytes, int from, int to) {
        if (seen.length() != to - from) {
          return false;
        }
        for (int k = from; k < to; k++) {
          if (seen.charAt(k - from) != bytes[k]) {
            return false;
          }
        }
        return true;
      }

      private static byte decide(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        return CaseTableReader.YES.contains(value) ? ReaderDecisions.POSITIVE
            : CaseTableReader.NO.contains(value) ? ReaderDecisions.NEGATIVE : ReaderDecisions.MISSING;
      }
    }

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /** FNV-1a over the id's bytes, then MurmurHash3's finaliser so that every bit mixes. */
    private static long hash(byte[] bytes, int from, int to) {
      long h = 0xcbf29ce484222325L;
      for (int k = from; k < to; k++) {
        h = (h ^ bytes[k]) * 0x100000001b3L;
      }
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      return h ^ h >>> 33;
    }

    /**
     * Whether any case id occurs twice: each core takes the ids whose hash falls in its share and
     * puts them in its own open-addressing table; ids with equal hashes are compared byte by byte.
     */
    private boolean idsRepeat(byte[] bytes) {
      return idsRepeat(bytes, idStarts, idEnds, idHashes, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** As {@link #idsRepeat(byte[])}, in {@code parts} shares: id i is bytes [starts[i], ends[i]), hash hashes[i]. */
    static boolean idsRepeat(byte[] bytes, int[] idStarts, int[] idEnds, long[] idHashes, int parts) {
      int rows = idHashes.length;
      AtomicBoolean repeated = new AtomicBoolean();
      IntStream.range(0, parts).parallel().forEach(part -> {
        // Sized from the ids this share actually holds (at most half full), so that a probe always
        // ends at an empty slot, however the hashes fall.
        int share = 0;
        for (int r = 0; r < rows; r++) {
          share += share(idHashes[r], parts) == part ? 1 : 0;
        }
        int capacity = Integer.highestOneBit(Math.max(8, share)) * 4;
        int mask = capacity - 1;
        int[] table = new int[capacity];
        for (int r = 0; r < rows && !repeated.get(); r++) {
          long h = idHashes[r];
          if (share(h, parts) != part) {
            continue;
          }
          int slot = (int) h & mask;
          for (int other = table[slot]; other != 0; other = table[slot]) {
            int o = other - 1;
            if (idHashes[o] == h && Arrays.equals(bytes, idStarts[o], idEnds[o], bytes, idStarts[r], idEnds[r])) {
              repeated.set(true);
              return;
            }
            slot = (slot + 1) & mask;
          }
          table[slot] = r + 1;
        }
      });
      return repeated.get();
    }

    /** Which core's share an id hash falls in: its high 32 bits scaled to [0, parts), no division. */
    private static int share(long hash, int parts) {
      return (int) (((hash >>> 32) * parts) >>> 32);
    }

    private static boolean equal(byte[] bytes, int from, int to, byte[] value) {
      return Arrays.equals(bytes, from, to, value, 0, value.length);
    }

    private static String text(byte[] bytes, int from, int to) {
      return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    @Nullable Cohort cohort(CaseTableSpec spec, byte[] bytes) {
      int positives = 0;
      for (boolean t : truth) {
        positives += t ? 1 : 0;
      }
      byte[] seen = firstNegative.get();
      if (positives == 0 || positives == truth.length
          || seen != null && CaseTableReader.isMissing(new String(seen, StandardCharsets.US_ASCII))) {
        return null;
      }
      List<String> ids;
      if (columns.id() >= 0) {
        if (idsRepeat(bytes)) {
          return null;
        }
        ids = new PackedIds(bytes, idStarts, idEnds);
      } else {
        String[] numbers = new String[truth.length];
        IntStream.range(0, numbers.length).parallel().forEach(r -> numbers[r] = Long.toString(r + 1L));
        ids = Arrays.asList(numbers);
      }
      List<ModelScores> models = new ArrayList<>();
      for (int k = 0; k < scores.length; k++) {
        String name = spec.models().get(k);
        models.add(new ModelScores(name, scores[k], !spec.lowerIsPositive().contains(name)));
      }
      List<ReaderDecisions> readers = new ArrayList<>();
      for (int k = 0; k < decisions.length; k++) {
        readers.add(new ReaderDecisions(spec.readers().get(k), decisions[k]));
      }
      Map<String, List<String>> meta = new LinkedHashMap<>();
      for (int k = 0; k < metadata.length; k++) {
        meta.put(spec.metadata().get(k), Arrays.asList(metadata[k]));
      }
      return new Cohort(ids, truth, models, readers, meta);
    }
  }
}
