package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.server.TestServer.Client;

/**
 * A bounded load test on loopback: 50 signed-in users browse one study's results at once, 20 pages
 * each (1,000 requests), and the test stops by itself. Latencies go to target/load-test.txt.
 */
class LoadTest {
  static final int USERS = 50;
  static final int REQUESTS_PER_USER = 20;

  @TempDir Path dir;

  @Test
  void fiftyConcurrentUsersBrowseResults() throws Exception {
    try (TestServer server = TestServer.start(dir.resolve("data"))) {
      Client admin = server.admin();
      long study = admin.createStudy("Load");
      long dataset = Client.json(admin.upload(study, "c.csv", Files.readAllBytes(TestServer.synth(dir, 20_000)),
          TestServer.UPLOAD_QUERY)).path("id").asLong();
      long audit = admin.run(study, dataset, "audit", 200).path("id").asLong();
      long simulation = admin.run(study, dataset, "simulation", 200).path("id").asLong();
      String s = "/studies/" + study;
      List<String> pages = List.of(s, s + "/runs/" + audit, s + "/runs/" + audit + "/subgroups?column=density",
          s + "/runs/" + audit + "/subgroups?column=age&metric=auc", s + "/runs/" + audit + "/slices",
          s + "/runs/" + simulation + "/simulator", "/api" + s + "/runs", "/api" + s + "/runs/" + audit + "/results",
          s + "/decisions", "/api" + s + "/runs/" + audit + "/comments");

      List<Client> users = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(USERS);
      List<Future<Client>> made = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        String name = "user" + u;
        String role = Accounts.ROLES.get(u % Accounts.ROLES.size());
        made.add(pool.submit(() -> server.user(admin, name, role)));
      }
      for (Future<Client> f : made) {
        Client c = f.get(120, TimeUnit.SECONDS);
        users.add(c);
      }
      for (int u = 0; u < USERS; u++) {
        admin.post("/api/studies/" + study + "/members", java.util.Map.of("username", "user" + u));
      }

      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger errors = new AtomicInteger();
      long start = System.nanoTime();
      List<Future<?>> browsing = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        Client c = users.get(u);
        int offset = u;
        browsing.add(pool.submit(() -> {
          for (int i = 0; i < REQUESTS_PER_USER; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = c.get(pages.get((offset + i) % pages.size()));
            latencies.add(System.nanoTime() - t0);
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : browsing) {
        f.get(180, TimeUnit.SECONDS);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdownNow();

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      String report = String.format(Locale.ROOT, "users=%d requests=%d errors=%d wall=%.2fs throughput=%.0f req/s"
          + " p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n", USERS, sorted.size(), errors.get(), seconds,
          sorted.size() / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "load-test.txt"), report);
      System.out.print("LoadTest: " + report);
      assertThat(errors.get()).isZero();
      assertThat(sorted).hasSize(USERS * REQUESTS_PER_USER);
      assertThat(ms(sorted, 0.95)).as("p95 latency in ms (a sanity bound; measured values are in docs/benchmarks.md)")
          .isLessThan(10_000);

      String mixed = mixed(users, study, audit);
      Files.writeString(Path.of("target", "load-test.txt"), report + mixed);
    }
  }

  /**
   * The issue-12 mix: 50 users, 40 requests each (2,000), three reads of the JSON API (the study
   * with its members, the runs list, the run's comments) for every write (a comment or a decision,
   * each committed with its audit record). Reads and writes are timed apart; the goal is reads p99
   * under 200 ms and writes p99 under 600 ms, asserted only with -Dradtrial.load.strict=true since
   * the shared 2-core machine's other work moves the tail (the figures are in docs/benchmarks.md).
   */
  private static String mixed(List<Client> users, long study, long run) throws Exception {
    List<Long> reads = Collections.synchronizedList(new ArrayList<>());
    List<Long> writes = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    String api = "/api/studies/" + study;
    List<String> readPaths = List.of(api, api + "/runs", api + "/runs/" + run + "/comments");
    ExecutorService pool = Executors.newFixedThreadPool(USERS);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int u = 0; u < USERS; u++) {
      Client c = users.get(u);
      int user = u;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 40; i++) {
          long t0 = System.nanoTime();
          HttpResponse<String> r;
          if (i % 4 == 3) {
            r = c.post(api + "/runs/" + run + "/comments", java.util.Map.of("body", "load " + user + "/" + i, "decision",
                i % 8 == 7));
            writes.add(System.nanoTime() - t0);
            if (r.statusCode() != 201) {
              errors.incrementAndGet();
            }
          } else {
            r = c.get(readPaths.get((user + i) % readPaths.size()));
            reads.add(System.nanoTime() - t0);
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          }
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(300, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdownNow();
    List<Long> r = new ArrayList<>(reads);
    List<Long> w = new ArrayList<>(writes);
    Collections.sort(r);
    Collections.sort(w);
    String line = String.format(Locale.ROOT, "mixed: users=%d requests=%d errors=%d wall=%.2fs reads=%d p50=%.1fms"
        + " p99=%.1fms writes=%d p50=%.1fms p99=%.1fms%n", USERS, r.size() + w.size(), errors.get(), seconds, r.size(),
        ms(r, 0.5), ms(r, 0.99), w.size(), ms(w, 0.5), ms(w, 0.99));
    System.out.print("LoadTest: " + line);
    assertThat(errors.get()).isZero();
    if (Boolean.getBoolean("radtrial.load.strict")) {
      assertThat(ms(r, 0.99)).as("reads p99 in ms").isLessThan(200);
      assertThat(ms(w, 0.99)).as("writes p99 in ms").isLessThan(600);
    }
    return line;
  }

  private static double ms(List<Long> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
