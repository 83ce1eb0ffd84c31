package org.radtrial.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.io.CaseTableException;
import org.radtrial.io.CaseTableReader;
import org.radtrial.io.Checksums;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Studies.Dataset;
import org.radtrial.server.Studies.Study;

/**
 * Receives a case table: streamed to a temporary file and cut off at the size limit, checked to be
 * text, read whole by the same {@link CaseTableReader} as the CLI (so errors name row and column),
 * and only then stored under its SHA-256 and recorded. A rejected upload writes no row.
 */
final class Uploads {
  private final Database db;
  private final Studies studies;
  private final Path dataDir;
  private final long limit;

  Uploads(Database db, Studies studies, Path dataDir, long limit) {
    this.db = db;
    this.studies = studies;
    this.dataDir = dataDir;
    this.limit = limit;
  }

  Dataset accept(User by, Study study, String rawName, DatasetSpec roles, InputStream body, long declaredLength) {
    String filename = safeName(rawName);
    if (declaredLength > limit) {
      drain(body, declaredLength);
      throw tooLarge(filename, declaredLength);
    }
    boolean tsv = filename.toLowerCase(Locale.ROOT).endsWith(".tsv");
    Path tmp = null;
    try {
      Files.createDirectories(dataDir.resolve("tmp"));
      tmp = Files.createTempFile(dataDir.resolve("tmp"), "upload-", tsv ? ".tsv" : ".csv");
      CsvShape shape = new CsvShape(filename, tsv ? '\t' : ',', Limits.COLUMNS, Limits.LINE_BYTES, Limits.ROWS, Limits.CELLS);
      long bytes = copyAtMost(body, tmp, filename, shape);
      if (bytes == 0) {
        throw HttpError.badRequest(filename + ": the file is empty; upload a CSV case table with a header row");
      }
      requireText(tmp, filename);
      DatasetSpec spec = roles.withHeader(header(tmp, roles, filename));
      Cohort cohort = read(tmp, spec, filename);
      String sha = Checksums.sha256(tmp);
      int positives = 0;
      for (boolean t : cohort.truth()) {
        positives += t ? 1 : 0;
      }
      long id = store(by, study, tmp, new Stored(filename, sha + (tsv ? ".tsv" : ".csv"), sha, bytes, cohort.size(), positives,
          spec));
      tmp = null;
      return studies.dataset(study, id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file is removed at the next start
        }
      }
    }
  }

  private record Stored(String filename, String storedAs, String sha, long bytes, int cases, int positives, DatasetSpec spec) {}

  /**
   * Moves the checked file into place, then records it. If the record fails the file is removed
   * unless another dataset shares it (same content); a crash between the two leaves a file no row
   * names, which {@link #removeOrphans} deletes at the next start. One at a time, so a removal
   * never races another upload of the same content.
   */
  private synchronized long store(User by, Study study, Path tmp, Stored s) throws IOException {
    Path uploads = Files.createDirectories(dataDir.resolve("uploads"));
    Path target = uploads.resolve(s.storedAs());
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    try {
      return db.transaction(c -> {
        long datasetId = Database.insert(c, "INSERT INTO datasets(study_id, filename, stored_as, sha256, bytes, cases, positives,"
            + " spec, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", study.id(), s.filename(), s.storedAs(),
            s.sha(), s.bytes(), s.cases(), s.positives(), Json.write(s.spec()), by.id(), Database.now());
        Database.audit(c, by.id(), "dataset.upload", study.id(), "uploaded " + s.filename() + " (" + s.cases()
            + " cases, sha256 " + s.sha() + ")");
        return datasetId;
      });
    } catch (RuntimeException | Error e) {
      if (db.count("SELECT COUNT(*) FROM datasets WHERE stored_as = ?", s.storedAs()) == 0) {
        Files.deleteIfExists(target);
      }
      throw e;
    }
  }

  /** At start: files under uploads/ that no dataset names (cut off between move and record) are deleted. Returns how many. */
  synchronized int removeOrphans() throws IOException {
    Path uploads = dataDir.resolve("uploads");
    if (!Files.isDirectory(uploads)) {
      return 0;
    }
    java.util.Set<String> named = new java.util.HashSet<>(db.query("SELECT stored_as FROM datasets", rs -> rs.getString(1)));
    int removed = 0;
    try (var files = Files.list(uploads)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!named.contains(f.getFileName().toString())) {
          Files.deleteIfExists(f);
          removed++;
        }
      }
    }
    return removed;
  }

  Path file(Dataset dataset) {
    return dataDir.resolve("uploads").resolve(dataset.storedAs());
  }

  private long copyAtMost(InputStream in, Path target, String filename, CsvShape shape) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) {
          drain(in, DRAIN_AT_MOST);
          throw tooLarge(filename, total);
        }
        shape.accept(buffer, n);
        out.write(buffer, 0, n);
      }
    }
    shape.finish();
    return total;
  }

  /** The most of a refused body read and dropped before answering: a bound on what a refusal costs. */
  static final long DRAIN_AT_MOST = 64L << 20;

  /**
   * Reads and drops what remains of a refused request body (at most {@link #DRAIN_AT_MOST} bytes) so
   * that the client, still sending, reads the 4xx answer: a server that closes the connection with
   * the body unread resets it, and the client sees no answer at all. A longer body is not drained;
   * its client may see the reset.
   */
  static void drain(InputStream body, long declaredLength) {
    if (declaredLength > DRAIN_AT_MOST) {
      return;
    }
    try {
      byte[] buffer = new byte[64 * 1024];
      long left = DRAIN_AT_MOST;
      for (int n; left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing left to answer
    }
  }

  private HttpError tooLarge(String filename, long bytes) {
    return new HttpError(413, filename + ": the upload is larger than the limit of " + limit + " bytes (at least " + bytes
        + " bytes); split the table or start the server with a larger --max-upload-mb");
  }

  /** Binary files (NUL bytes, invalid UTF-8 in the first 64 KiB) are refused before parsing. */
  private static void requireText(Path file, String filename) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(64 * 1024);
    }
    int end = head.length;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        throw HttpError.badRequest(filename + ": byte " + (i + 1) + " is a NUL byte, so this is a binary file, not a CSV case"
            + " table; export the table as CSV (UTF-8) and upload that");
      }
    }
    // a multi-byte character may be cut at the end of the window: ignore up to 3 trailing bytes
    while (end > 0 && end > head.length - 3 && (head[end - 1] & 0x80) != 0) {
      end--;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
    } catch (CharacterCodingException e) {
      throw HttpError.badRequest(filename + ": the file is not UTF-8 text (binary data or another encoding); export the"
          + " table as CSV in UTF-8 and upload that");
    }
  }

  /** The header as io's CSV reader parses it (quoted names may hold the delimiter). */
  private static List<String> header(Path file, DatasetSpec roles, String filename) {
    try {
      return CaseTableReader.header(file, roles.caseTableSpec());
    } catch (CaseTableException e) {
      throw HttpError.badRequest(e.getMessage().replace(file.toString(), filename));
    } catch (UncheckedIOException e) {
      throw HttpError.badRequest(filename + ": the header could not be read (" + e.getMessage().replace(file.toString(),
          filename) + ")");
    }
  }

  private static Cohort read(Path tmp, DatasetSpec spec, String filename) {
    try {
      return CaseTableReader.read(tmp, spec.caseTableSpec());
    } catch (CaseTableException e) {
      throw HttpError.badRequest(e.getMessage().replace(tmp.toString(), filename));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(filename + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw HttpError.badRequest(filename + ": the file could not be read as a case table (" + e.getMessage() + ")");
    }
  }

  static String safeName(String raw) {
    String base = raw == null ? "" : raw.replaceAll(".*[/\\\\]", "");
    String clean = base.replaceAll("[^A-Za-z0-9._-]", "_");
    if (clean.isEmpty() || clean.chars().allMatch(ch -> ch == '.')) {
      clean = "cases.csv";
    }
    return clean.length() > 100 ? clean.substring(clean.length() - 100) : clean;
  }
}
