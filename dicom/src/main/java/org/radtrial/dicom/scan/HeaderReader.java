package org.radtrial.dicom.scan;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.PixelMedLog;

/**
 * Reads one file's header (everything before Pixel Data; pixel values are never read) and turns it
 * into an instance row and a list of problems. Never throws for a bad file: every way a file can be
 * bad becomes a {@link ScanProblem}.
 */
public final class HeaderReader {
  private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
  private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
  private final Path root;
  private final Map<String, String> siteMap;
  private final long maxHeaderBytes;

  /**
   * @param root the scanned folder: files are named relative to it
   * @param siteMap institution name to site code (empty: the site is the institution name)
   */
  public HeaderReader(Path root, Map<String, String> siteMap) {
    this(root, siteMap, Long.MAX_VALUE);
  }

  /**
   * @param maxHeaderBytes a file whose header (everything before Pixel Data, or the whole file when it has
   *     none) is longer than this is not parsed further: it becomes an error naming the limit, so that one
   *     huge sequence or waveform cannot exhaust the memory of a reading thread (PixelMed keeps the header
   *     in memory)
   */
  public HeaderReader(Path root, Map<String, String> siteMap, long maxHeaderBytes) {
    if (maxHeaderBytes < 1) {
      throw new IllegalArgumentException("the header limit must be at least 1 byte, not " + maxHeaderBytes);
    }
    this.root = root;
    this.siteMap = Map.copyOf(siteMap);
    this.maxHeaderBytes = maxHeaderBytes;
  }

  public HeaderRead read(Path file) {
    String name = relative(file);
    List<ScanProblem> problems = new ArrayList<>();
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      problems.add(new ScanProblem(name, Severity.ERROR, "cannot be read: " + message(e)));
      return new HeaderRead(Optional.empty(), problems, 0);
    }
    if (bytes == 0) {
      problems.add(new ScanProblem(name, Severity.ERROR, "not a DICOM file: the file is empty"));
      return new HeaderRead(Optional.empty(), problems, 0);
    }
    Optional<InstanceRow> row = readHeader(file, name, bytes, problems);
    return new HeaderRead(row, problems, bytes);
  }

  private Optional<InstanceRow> readHeader(Path file, String name, long bytes, List<ScanProblem> problems) {
    boolean preamble;
    AttributeList list = new AttributeList();
    long stoppedAt;
    TransferSyntax syntax;
    List<LogRecord> log;
    java.io.InputStream limit = null;
    PixelMedLog.start();
    try {
      preamble = DicomFiles.hasPreamble(file);
      if (!preamble && !DicomFiles.startsWithDicomTag(file)) {
        PixelMedLog.stop();
        problems.add(new ScanProblem(name, Severity.ERROR, DicomFiles.NOT_DICOM));
        return Optional.empty();
      }
      limit = limited(Files.newInputStream(file));
      try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(limit, 1 << 16))) {
        // PixelMed returns the number of bytes it consumed: when it stops at Pixel Data, the offset just after its tag
        stoppedAt = list.read(in, TagFromName.PixelData);
        syntax = in.getTransferSyntaxInUse();
      }
    } catch (IOException | DicomException | RuntimeException e) {
      log = PixelMedLog.stop();
      if (limit instanceof HeaderLimit l && l.exceeded()) { // PixelMed wraps the limit's exception in its own
        problems.add(new ScanProblem(name, Severity.ERROR, "too large: " + new HeaderTooLarge(l.limit).getMessage()));
        return Optional.empty();
      }
      problems.add(new ScanProblem(name, Severity.ERROR, unreadable(file, e)));
      logged(name, log, problems, Severity.ERROR);
      return Optional.empty();
    }
    log = PixelMedLog.stop();
    if (limit instanceof HeaderLimit l && l.exceeded()) {
      problems.add(new ScanProblem(name, Severity.ERROR, "too large: " + new HeaderTooLarge(l.limit).getMessage()));
      return Optional.empty();
    }
    boolean severe = logged(name, log, problems, Severity.WARNING);
    if (severe) {
      return Optional.empty();
    }
    String sopInstance = HeaderFields.value(list, TagFromName.SOPInstanceUID);
    String mediaClass = HeaderFields.value(list, TagFromName.MediaStorageSOPClassUID);
    if (MEDIA_STORAGE_DIRECTORY.equals(mediaClass)) {
      problems.add(new ScanProblem(name, Severity.SKIPPED, "a DICOMDIR (directory of a file set), not an instance"));
      return Optional.empty();
    }
    if (!preamble && sopInstance.isEmpty()) {
      problems.add(new ScanProblem(name, Severity.ERROR,
          "not a DICOM file: no 'DICM' at byte 128 and no SOPInstanceUID (0008,0018) when read as a bare data set"));
      return Optional.empty();
    }
    if (preamble && HeaderFields.value(list, TagFromName.TransferSyntaxUID).isEmpty()) {
      problems.add(new ScanProblem(name, Severity.WARNING, "the file meta information has no TransferSyntaxUID (0002,0010);"
          + " read as " + syntax.getUID() + " (guessed)"));
    }
    if (!preamble) {
      problems.add(new ScanProblem(name, Severity.WARNING, "no DICOM preamble and file meta information: read as a bare data set ("
          + syntax.getUID() + ", guessed)"));
    }
    for (var required : List.of(TagFromName.SOPInstanceUID, TagFromName.StudyInstanceUID, TagFromName.SOPClassUID)) {
      if (HeaderFields.value(list, required).isEmpty()) {
        problems.add(new ScanProblem(name, Severity.ERROR, "no " + AttributeList.getDictionary().getNameFromTag(required)
            + String.format(" (%04X,%04X)", required.getGroup(), required.getElement())
            + ": not a DICOM instance that belongs to a study"));
      }
    }
    if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
      return Optional.empty();
    }
    if (stoppedAt < bytes && !DEFLATED.equals(syntax.getUID())) {
      Optional<String> truncated = pixelData(file, stoppedAt, syntax);
      if (truncated.isPresent()) {
        problems.add(new ScanProblem(name, Severity.ERROR, truncated.get()));
        return Optional.empty();
      }
    }
    List<String> warnings = new ArrayList<>();
    InstanceRow row = HeaderFields.read(list, name, bytes, siteMap, warnings);
    warnings.forEach(w -> problems.add(new ScanProblem(name, Severity.WARNING, w)));
    return Optional.of(row);
  }

  /** Pixel Data's extent, if PixelMed stopped just after its tag (it may also stop at a bad tag). */
  private static Optional<String> pixelData(Path file, long afterTag, TransferSyntax syntax) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (afterTag < 4) {
        return Optional.empty();
      }
      in.seek(afterTag - 4);
      byte[] tag = new byte[4];
      in.readFully(tag);
      boolean big = syntax.isBigEndian();
      int group = big ? ((tag[0] & 0xFF) << 8) | (tag[1] & 0xFF) : ((tag[1] & 0xFF) << 8) | (tag[0] & 0xFF);
      int element = big ? ((tag[2] & 0xFF) << 8) | (tag[3] & 0xFF) : ((tag[3] & 0xFF) << 8) | (tag[2] & 0xFF);
      if (group != 0x7FE0 || element != 0x0010) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.of("cannot be read: " + message(e));
    }
    try {
      return PixelDataExtent.check(file, afterTag, syntax.isExplicitVR(), syntax.isBigEndian());
    } catch (IOException e) {
      return Optional.of("cannot be read: " + message(e));
    }
  }

  /** Adds PixelMed's logged complaints as problems; true if any was severe (the header is incomplete). */
  private static boolean logged(String name, List<LogRecord> log, List<ScanProblem> problems, Severity mild) {
    Set<String> seen = new LinkedHashSet<>();
    boolean severe = false;
    for (LogRecord record : log) {
      boolean isSevere = record.getLevel().intValue() >= Level.SEVERE.intValue();
      String text = PixelMedLog.text(record);
      if (text.isEmpty() || !seen.add(text)) {
        continue;
      }
      severe |= isSevere;
      problems.add(new ScanProblem(name, isSevere ? Severity.ERROR : mild,
          (isSevere ? "unreadable: " : "read with a repair: ") + text));
    }
    return severe;
  }

  private java.io.InputStream limited(java.io.InputStream in) {
    return maxHeaderBytes == Long.MAX_VALUE ? in : new HeaderLimit(in, maxHeaderBytes);
  }

  /** Fails the read once more than the limit has been taken from the file. */
  private static final class HeaderLimit extends java.io.FilterInputStream {
    private final long limit;
    private long read;

    HeaderLimit(java.io.InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    boolean exceeded() {
      return read > limit;
    }

    private void count(long n) throws IOException {
      read += n;
      if (read > limit) {
        throw new HeaderTooLarge(limit);
      }
    }
  }

  /** The header is longer than the limit. */
  private static final class HeaderTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    HeaderTooLarge(long limit) {
      super("the header (everything before Pixel Data) is longer than " + limit
          + " bytes: not read, to keep memory bounded; raise --max-header-bytes to read it");
    }
  }

  private static String unreadable(Path file, Exception e) {
    String text = message(e);
    if (e instanceof java.io.EOFException) {
      return "truncated: the file ends inside its header (" + text + ")";
    }
    if (text.startsWith("Not a DICOM file")) {
      return "not a DICOM file (" + text + ")";
    }
    return "unreadable: " + text;
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().replace('\n', ' ');
  }

  private String relative(Path file) {
    Path r = file.startsWith(root) ? root.relativize(file) : file;
    return r.toString().replace('\\', '/');
  }
}
