package org.radtrial.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small JDBC connection pool: at most {@code size} connections, opened when first needed, a
 * connection that failed mid-use closed rather than reused. Enough for one server process; no
 * pool library is brought in for it.
 */
final class Pool implements AutoCloseable {
  private final String url;
  private final Properties properties;
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();
  private final int size;
  private final boolean reads;
  private boolean closed;

  Pool(String url, Properties properties, int size, boolean reads) {
    this.url = url;
    this.properties = properties;
    this.size = size;
    this.reads = reads;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  Connection take() throws SQLException {
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    synchronized (this) {
      if (closed) {
        throw new SQLException("the database is closed (the server is stopping)");
      }
      if (all.size() < size) {
        Connection opened = DriverManager.getConnection(url, properties);
        all.add(opened);
        return opened;
      }
    }
    try {
      c = idle.poll(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection", e);
    }
    if (c == null) {
      throw new SQLException("no database connection free within 60 s (" + size + " in use" + (reads ? "" : ", writes") + ")");
    }
    return c;
  }

  /** Returns a connection; one that failed is closed and forgotten, so the next take opens a fresh one. */
  void give(Connection c, boolean healthy) {
    boolean keep = healthy;
    synchronized (this) {
      keep &= !closed;
      if (!keep) {
        all.remove(c);
      }
    }
    if (keep) {
      idle.add(c);
    } else {
      try {
        c.close();
      } catch (SQLException ignored) {
        // it is being discarded
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    all.clear();
    idle.clear();
  }
}
