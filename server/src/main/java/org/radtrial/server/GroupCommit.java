package org.radtrial.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * SQLite's one writer, with group commit: the transactions waiting when the writer is free run
 * together, each inside its own SAVEPOINT (a failing one is rolled back alone), and are made
 * durable by one COMMIT, so one fsync of the write-ahead log serves many writes. Each caller's
 * {@link #run} returns only after that COMMIT: nothing is acknowledged before it is on disk.
 */
final class GroupCommit implements AutoCloseable {
  /** Transactions joined into one commit at most. */
  static final int BATCH = 64;

  private record Job(Database.Work<?> work, CompletableFuture<Object> done) {}

  private final Connection connection;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  GroupCommit(Connection connection) {
    this.connection = connection;
    this.writer = new Thread(this::loop, "radtrial-db-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @SuppressWarnings("unchecked")
  <T> T run(Database.Work<T> work) throws SQLException {
    if (Thread.currentThread() == writer) {
      return work.run(connection);
    }
    if (closed) {
      throw new SQLException("the database is closed (the server is stopping)");
    }
    Job job = new Job(work, new CompletableFuture<>());
    queue.add(job);
    try {
      return (T) job.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new SQLException(cause);
    }
  }

  private void loop() {
    List<Job> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, BATCH - 1);
      commit(batch);
      batch.clear();
    }
    for (Job j; (j = queue.poll()) != null; ) {
      j.done.completeExceptionally(new SQLException("the database is closed (the server is stopping)"));
    }
  }

  private void commit(List<Job> batch) {
    List<Object> results = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      connection.setAutoCommit(false);
      for (Job job : batch) {
        s.execute("SAVEPOINT job");
        try {
          results.add(job.work.run(connection));
          failures.add(null);
          s.execute("RELEASE SAVEPOINT job");
        } catch (SQLException | RuntimeException | Error e) {
          s.execute("ROLLBACK TO SAVEPOINT job");
          s.execute("RELEASE SAVEPOINT job");
          results.add(null);
          failures.add(e);
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // reported below
      }
      batch.forEach(j -> j.done.completeExceptionally(e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      if (failures.get(i) == null) {
        batch.get(i).done.complete(results.get(i));
      } else {
        batch.get(i).done.completeExceptionally(failures.get(i));
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
