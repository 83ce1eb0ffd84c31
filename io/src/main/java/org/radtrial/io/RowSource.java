package org.radtrial.io;

import java.io.Closeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A table read row by row as strings, whatever its format. */
interface RowSource extends Closeable {
  List<String> header();

  /** The next row's cells (null for an SQL NULL), or null at the end. */
  String @Nullable [] next();

  /** Where the last row returned came from, for messages: "line 18", or "" when unknown. */
  String position();

  @Override
  void close();
}
