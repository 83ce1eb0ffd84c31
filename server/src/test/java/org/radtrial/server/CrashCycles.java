package org.radtrial.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radtrial.server.TestServer.Client;

/**
 * Kill-and-restart cycles against a server in its own JVM. In each cycle four clients write at
 * once (comments, decisions, runs, uploads, accounts with memberships, and writes the server must
 * refuse), the server is killed with SIGKILL at a random moment, restarted, and checked: every
 * acknowledged write is present with its audit record, no refused write is, no id is handed out
 * twice, and the restarted server accepts writes. Violations are counted, not thrown, so one run
 * reports the whole picture ({@link Tally}).
 */
final class CrashCycles {
  /** What one run of cycles saw. */
  record Tally(int cycles, long acknowledged, long refused, long inFlight, long lost, long refusedPresent, long reusedIds,
      long auditMismatches, long failedRestarts, Set<String> kinds, List<String> examples) {
    boolean clean() {
      return lost == 0 && refusedPresent == 0 && reusedIds == 0 && auditMismatches == 0 && failedRestarts == 0;
    }

    String summary(String engine) {
      return String.format(Locale.ROOT, "engine=%s cycles=%d acknowledged=%d refused=%d in-flight-at-kill=%d lost=%d"
          + " refused-present=%d reused-ids=%d audit-mismatches=%d failed-restarts=%d", engine, cycles, acknowledged, refused,
          inFlight, lost, refusedPresent, reusedIds, auditMismatches, failedRestarts);
    }
  }

  private record Write(String kind, String marker, long id, String detail) {}

  private final Path data;
  private final List<String> serverArgs;
  private final Random random;
  private final List<Write> acknowledged = new ArrayList<>();
  private final List<Write> refused = new ArrayList<>();
  private final Map<String, Map<Long, String>> idOwner = new HashMap<>();
  private final List<String> examples = new ArrayList<>();
  private final Set<Write> lostOnce = new HashSet<>();
  private final Set<String> auditWithoutRow = new HashSet<>();
  private long inFlight;
  private long refusedTotal;
  private long lost;
  private long refusedPresent;
  private long reusedIds;
  private long auditMismatches;
  private long failedRestarts;
  private final AtomicLong sequence = new AtomicLong();

  private Started server;
  private long study;
  private long run;
  private long baseDataset;
  private final List<Client> users = new ArrayList<>();
  private Client admin;

  CrashCycles(Path data, List<String> serverArgs, long seed) {
    this.data = data;
    this.serverArgs = serverArgs;
    this.random = new Random(seed);
  }

  Tally run(int cycles) throws Exception {
    setUp();
    int done = 0;
    for (int cycle = 1; cycle <= cycles; cycle++) {
      List<Write> cycleAcknowledged = writeAndKill();
      try {
        server = launch(data, serverArgs);
      } catch (RestartFailed e) {
        failedRestarts++;
        example("cycle " + cycle + ": " + e.getMessage().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
        return tally(done);
      }
      reconnect();
      verify(cycleAcknowledged);
      done++;
    }
    HttpResponse<String> last = users.get(0).post("/api/studies/" + study + "/runs/" + run + "/comments",
        Map.of("body", "after the last restart"));
    if (last.statusCode() != 201) {
      failedRestarts++;
      example("the restarted server refused a new comment: " + last.statusCode() + " " + last.body());
    }
    server.stop();
    return tally(done);
  }

  private Tally tally(int done) {
    return new Tally(done, acknowledged.size(), refusedTotal, inFlight, lost, refusedPresent, reusedIds, auditMismatches,
        failedRestarts, acknowledged.stream().map(Write::kind).collect(java.util.stream.Collectors.toCollection(
        java.util.TreeSet::new)), List.copyOf(examples));
  }

  private void setUp() throws Exception {
    server = launch(data, serverArgs);
    admin = new Client(server.base);
    admin.login("admin", server.password);
    admin.post("/api/account/password", Map.of("current", server.password, "new_password", TestServer.ADMIN_PASSWORD));
    admin.login("admin", TestServer.ADMIN_PASSWORD);
    study = admin.createStudy("Crash cycles");
    for (int u = 0; u < 3; u++) {
      String name = "writer" + u;
      JsonNode made = Client.json(admin.post("/api/users", Map.of("username", name, "role", "radiologist")));
      Client c = new Client(server.base);
      c.login(name, made.path("one_time_password").asText());
      c.post("/api/account/password", Map.of("current", made.path("one_time_password").asText(), "new_password",
          name + " long passphrase 7"));
      c.login(name, name + " long passphrase 7");
      admin.post("/api/studies/" + study + "/members", Map.of("username", name));
      users.add(c);
    }
    HttpResponse<String> up = admin.upload(study, "base.csv", table(0), QUERY);
    baseDataset = Client.json(up).path("id").asLong();
    run = admin.run(study, baseDataset, "evaluation", 0).path("id").asLong();
  }

  static final String QUERY = "id=case_id&truth=cancer&positive=1&models=model_a";

  /** A small case table whose content (and so checksum) is unique to n. */
  static byte[] table(long n) {
    StringBuilder b = new StringBuilder("case_id,cancer,model_a\n");
    Random r = new Random(n);
    for (int i = 0; i < 60; i++) {
      b.append("c").append(n).append('_').append(i).append(',').append(i % 4 == 0 ? 1 : 0).append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.nextDouble())).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Four writers until the kill; returns what was acknowledged in this cycle. */
  private List<Write> writeAndKill() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Write> ack = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Write> nack = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong unknown = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Client client = w < 3 ? users.get(w) : admin;
      int writer = w;
      Thread t = new Thread(() -> {
        Random r = new Random(sequence.incrementAndGet() * 7919);
        while (!stop.get()) {
          try {
            once(client, writer, r, ack, nack);
          } catch (UncheckedIOException e) {
            unknown.incrementAndGet();
            return;
          } catch (RuntimeException e) {
            unknown.incrementAndGet();
            if (stop.get()) {
              return;
            }
          }
        }
      });
      t.start();
      threads.add(t);
    }
    Thread.sleep(150 + random.nextInt(850));
    server.kill();
    stop.set(true);
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(70));
    }
    inFlight += unknown.get();
    List<Write> cycleAck = new ArrayList<>(ack);
    for (Write w : cycleAck) {
      if (w.id < 0) {
        continue;
      }
      String owner = idOwner.computeIfAbsent(w.kind, k -> new HashMap<>()).putIfAbsent(w.id, w.marker);
      if (owner != null && !owner.equals(w.marker)) {
        reusedIds++;
        example(w.kind + " id " + w.id + " was acknowledged for " + owner + " and again for " + w.marker);
      }
    }
    acknowledged.addAll(cycleAck);
    refused.addAll(nack);
    refusedTotal += nack.size();
    return cycleAck;
  }

  private void once(Client c, int writer, Random r, List<Write> ack, List<Write> nack) {
    String marker = "m" + sequence.incrementAndGet();
    String runs = "/api/studies/" + study + "/runs";
    int pick = r.nextInt(writer == 3 ? 3 : 10);
    if (writer == 3) {
      if (pick < 2) {
        HttpResponse<String> made = c.post("/api/users", Map.of("username", marker, "role", "clinician"));
        record("user", marker, made, "created user " + marker + " (", ack, nack);
        if (made.statusCode() == 201) {
          HttpResponse<String> added = c.post("/api/studies/" + study + "/members", Map.of("username", marker));
          record("member", marker, added, "added " + marker + " to", ack, nack);
        }
      } else {
        HttpResponse<String> bad = c.post("/api/studies/" + study + "/members", Map.of("username", "nobody-" + marker));
        record("member", "nobody-" + marker, bad, null, ack, nack);
      }
      return;
    }
    if (pick < 5) {
      boolean decision = pick == 4;
      HttpResponse<String> h = c.post(runs + "/" + run + "/comments", Map.of("body", "note " + marker, "decision", decision));
      record("comment", marker, h, "comment", ack, nack);
    } else if (pick == 5) {
      HttpResponse<String> h = c.post(runs + "/" + run + "/comments", Map.of("body", marker + "x".repeat(20_001)));
      record("comment", marker, h, null, ack, nack);
    } else if (pick < 8) {
      long seed = 1_000_000 + sequence.incrementAndGet();
      HttpResponse<String> h = c.post(runs, Map.of("dataset_id", baseDataset, "kind", "evaluation", "bootstrap", 0, "seed", seed));
      record("run", Long.toString(seed), h, "run", ack, nack);
    } else {
      HttpResponse<String> h = c.upload(study, marker + ".csv", table(sequence.incrementAndGet()), QUERY);
      record("dataset", marker + ".csv", h, "uploaded " + marker + ".csv (", ack, nack);
    }
  }

  private static void record(String kind, String marker, HttpResponse<String> h, String audit, List<Write> ack,
      List<Write> nack) {
    if (h.statusCode() / 100 == 2) {
      long id = kind.equals("member") ? 0 : Client.json(h).path("id").asLong();
      String detail = audit == null ? null : switch (kind) {
        case "comment" -> " " + id + " on run ";
        case "run" -> " run " + id + " on dataset ";
        default -> audit;
      };
      ack.add(new Write(kind, marker, kind.equals("member") || kind.equals("user") ? -1 : id, detail));
    } else if (h.statusCode() / 100 == 4) {
      nack.add(new Write(kind, marker, -1, null));
    }
  }

  private void reconnect() {
    for (Client c : users) {
      c.base = server.base;
    }
    admin.base = server.base;
  }

  private void verify(List<Write> cycleAcknowledged) {
    String runs = "/api/studies/" + study + "/runs";
    Set<String> comments = new HashSet<>();
    Map<Long, String> commentIds = new HashMap<>();
    for (JsonNode c : Client.json(admin.get(runs + "/" + run + "/comments"))) {
      comments.add(c.path("body").asText());
      commentIds.put(c.path("id").asLong(), c.path("body").asText());
    }
    Map<Long, Long> runSeeds = new HashMap<>();
    for (JsonNode r : Client.json(admin.get(runs))) {
      runSeeds.put(r.path("id").asLong(), r.path("parameters").path("seed").asLong());
    }
    Map<Long, String> datasets = new HashMap<>();
    for (JsonNode d : Client.json(admin.get("/api/studies/" + study + "/datasets"))) {
      datasets.put(d.path("id").asLong(), d.path("filename").asText());
    }
    Set<String> members = new HashSet<>();
    for (JsonNode m : Client.json(admin.get("/api/studies/" + study)).path("members")) {
      members.add(m.path("username").asText());
    }
    Set<String> accounts = new HashSet<>();
    for (JsonNode u : Client.json(admin.get("/api/users"))) {
      accounts.add(u.path("username").asText());
    }
    for (Write w : acknowledged) {
      boolean present = switch (w.kind) {
        case "comment" -> ("note " + w.marker).equals(commentIds.get(w.id));
        case "run" -> Long.valueOf(Long.parseLong(w.marker)).equals(runSeeds.get(w.id));
        case "dataset" -> w.marker.equals(datasets.get(w.id));
        case "member" -> members.contains(w.marker);
        case "user" -> accounts.contains(w.marker);
        default -> throw new IllegalStateException(w.kind);
      };
      if (!present && lostOnce.add(w)) {
        lost++;
        example("acknowledged " + w.kind + " " + w.marker + " (id " + w.id + ") is missing after restart");
      }
    }
    for (Write w : refused) {
      boolean present = switch (w.kind) {
        case "comment" -> comments.stream().anyMatch(b -> b.startsWith(w.marker) || b.equals("note " + w.marker));
        case "run" -> runSeeds.containsValue(Long.parseLong(w.marker));
        case "dataset" -> datasets.containsValue(w.marker);
        case "member" -> members.contains(w.marker);
        case "user" -> accounts.contains(w.marker);
        default -> throw new IllegalStateException(w.kind);
      };
      if (present) {
        refusedPresent++;
        example("refused " + w.kind + " " + w.marker + " is present after restart");
      }
    }
    refused.clear();
    List<String> audit = new ArrayList<>();
    for (JsonNode a : Client.json(admin.get("/api/audit-log"))) {
      audit.add(a.path("detail").asText());
    }
    Pattern commentAudit = Pattern.compile("^(?:comment|decision) (\\d+) on run ");
    for (String d : audit) {
      Matcher m = commentAudit.matcher(d);
      if (m.find() && !commentIds.containsKey(Long.parseLong(m.group(1))) && auditWithoutRow.add(d)) {
        auditMismatches++;
        example("audit record without its comment: " + d);
      }
    }
    for (Write w : cycleAcknowledged) {
      if (w.detail != null && audit.stream().noneMatch(d -> d.contains(w.detail))) {
        auditMismatches++;
        example("acknowledged " + w.kind + " " + w.marker + " has no audit record '" + w.detail + "'");
      }
    }
  }

  private void example(String text) {
    if (examples.size() < 20) {
      examples.add(text);
    }
  }

  /** A server process and the URL it listens on. */
  static final class Started {
    final Process process;
    final String base;
    final String password;

    Started(Process process, String base, String password) {
      this.process = process;
      this.base = base;
      this.password = password;
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the killed server did not exit");
      }
    }

    void stop() throws InterruptedException {
      kill();
    }
  }

  static Started launch(Path data, List<String> args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String prefix = System.getProperty("radtrial.crash.classpathPrefix", "");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        prefix + System.getProperty("java.class.path"), ServerProcess.class.getName(), data.toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder printed = new StringBuilder();
    java.util.concurrent.CompletableFuture<String> listening = new java.util.concurrent.CompletableFuture<>();
    Pattern pattern = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)/");
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          synchronized (printed) {
            printed.append(line).append('\n');
          }
          Matcher m = pattern.matcher(line);
          if (m.find()) {
            listening.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      listening.complete(null);
    });
    reader.setDaemon(true);
    reader.start();
    String base;
    try {
      base = listening.get(STARTUP_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException | InterruptedException e) {
      base = null;
    }
    if (base == null) {
      p.destroyForcibly();
      synchronized (printed) {
        throw new RestartFailed("the server did not listen within " + STARTUP_SECONDS + " s:\n" + printed);
      }
    }
    synchronized (printed) {
      return new Started(p, base, TestServer.oneTimePassword(printed.toString()));
    }
  }

  static final int STARTUP_SECONDS = 90;

  /** The server did not come back after a kill. */
  static final class RestartFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RestartFailed(String message) {
      super(message);
    }
  }

}
