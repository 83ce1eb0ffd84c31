package org.radtrial.server;

/**
 * Checks the shape of an uploaded table while it streams in, byte by byte in one pass, before any
 * of it is parsed: bytes per physical line, columns of the header row, records, and records times
 * columns (the cells the reader would hold in memory). Quoted fields (RFC 4180) may hold the
 * delimiter and line breaks; a record ends at a line break outside quotes.
 */
final class CsvShape {
  private final String filename;
  private final byte delimiter;
  private final int maxColumns;
  private final int maxLineBytes;
  private final long maxRecords;
  private final long maxCells;
  private boolean quoted;
  private long line = 1;
  private long lineBytes;
  private long records;
  private int columns = 1;
  private boolean headerDone;
  private boolean recordHasBytes;

  CsvShape(String filename, char delimiter, int maxColumns, int maxLineBytes, long maxRecords, long maxCells) {
    this.filename = filename;
    this.delimiter = (byte) delimiter;
    this.maxColumns = maxColumns;
    this.maxLineBytes = maxLineBytes;
    this.maxRecords = maxRecords;
    this.maxCells = maxCells;
  }

  /** Feeds the next bytes; throws a 400 naming the line and the limit as soon as one is passed. */
  void accept(byte[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      byte b = buffer[i];
      if (b == '\n') {
        line++;
        lineBytes = 0;
        if (!quoted) {
          endRecord();
        }
        continue;
      }
      if (++lineBytes > maxLineBytes) {
        throw HttpError.badRequest(filename + ": line " + line + " is longer than " + maxLineBytes + " bytes; a case table"
            + " has one line per case: check that the file is a CSV with line breaks (not one long line)");
      }
      if (b == '\r') {
        continue;
      }
      recordHasBytes = true;
      if (b == '"') {
        quoted = !quoted;
      } else if (b == delimiter && !quoted && !headerDone && ++columns > maxColumns) {
        throw HttpError.badRequest(filename + ": the header has more than " + maxColumns + " columns; keep the columns"
            + " the study needs (case id, truth, scores, readers, a few subgroup columns) and upload that");
      }
    }
  }

  private void endRecord() {
    if (!recordHasBytes) {
      return;
    }
    recordHasBytes = false;
    headerDone = true;
    records++;
    long rows = records - 1;
    if (rows > maxRecords) {
      throw HttpError.badRequest(filename + ": more than " + maxRecords + " rows; split the table or sample it");
    }
    if (rows * columns > maxCells) {
      throw HttpError.badRequest(filename + ": " + rows + " rows of " + columns + " columns is more than " + maxCells
          + " cells; drop columns the study does not need, or split the table");
    }
  }

  /** Call at the end of the stream: counts a last record without a final line break. */
  void finish() {
    endRecord();
  }

  int columns() {
    return columns;
  }

  long rows() {
    return Math.max(0, records - 1);
  }
}
