package org.radtrial.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** CSV or TSV through Jackson's streaming CSV parser (RFC 4180 quoting, any line ending). */
final class CsvRowSource implements RowSource {
  private final MappingIterator<String[]> rows;
  private final List<String> header;
  private final String file;
  private long line;

  CsvRowSource(Path path, char delimiter) {
    this.file = path.toString();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
    try {
      rows = mapper.readerFor(String[].class).with(schema).readValues(path.toFile());
      if (!rows.hasNext()) {
        throw new CaseTableException(file, 0, null, "the file is empty; it needs a header row and one row per case");
      }
      header = Arrays.stream(rows.next()).map(String::trim).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (CaseTableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CaseTableException(file, 0, null, "the header cannot be read as UTF-8 text CSV ("
          + firstLine(e.getMessage()) + "); save the table as UTF-8 CSV, uncompressed");
    }
  }

  private static String firstLine(@Nullable String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public String @Nullable [] next() {
    try {
      line = rows.getCurrentLocation().getLineNr();
      if (!rows.hasNextValue()) {
        return null;
      }
      return rows.nextValue();
    } catch (IOException e) {
      throw new CaseTableException(file, 0, null, "the file is not valid CSV near line "
          + rows.getCurrentLocation().getLineNr() + " (" + firstLine(e.getMessage()) + ")");
    } catch (RuntimeException e) {
      throw new CaseTableException(file, 0, null, "the file is not valid UTF-8 CSV near line "
          + rows.getCurrentLocation().getLineNr() + " (" + firstLine(e.getMessage()) + ")");
    }
  }

  @Override
  public String position() {
    return "line " + line;
  }

  @Override
  public void close() {
    try {
      rows.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
