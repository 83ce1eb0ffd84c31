package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.server.TestServer.Client;

/** Killing the server (SIGKILL) during a run loses no finished run, and the cut-off run can be restarted. */
class CrashRecoveryTest {
  @TempDir Path dir;

  @Test
  void killedDuringARunKeepsFinishedRunsAndMarksTheOtherInterrupted() throws Exception {
    Path data = dir.resolve("data");
    Path cohort = TestServer.synth(dir, 20_000);
    Started first = launch(data);
    Client admin;
    long study;
    long finishedRun;
    long cutRun;
    String finishedResults;
    try {
      admin = new Client(first.base);
      admin.login("admin", first.password);
      admin.post("/api/account/password", Map.of("current", first.password, "new_password", TestServer.ADMIN_PASSWORD));
      admin.login("admin", TestServer.ADMIN_PASSWORD);
      study = admin.createStudy("Crash");
      long dataset = Client.json(admin.upload(study, "c.csv", Files.readAllBytes(cohort), TestServer.UPLOAD_QUERY))
          .path("id").asLong();
      JsonNode done = admin.run(study, dataset, "evaluation", 50);
      assertThat(done.path("status").asText()).isEqualTo("finished");
      finishedRun = done.path("id").asLong();
      finishedResults = admin.get("/api/studies/" + study + "/runs/" + finishedRun + "/results").body();
      cutRun = Client.json(admin.post("/api/studies/" + study + "/runs", Map.of("dataset_id", dataset, "kind", "evaluation",
          "bootstrap", 100_000))).path("id").asLong();
      awaitRunning(admin, study, cutRun);
    } finally {
      first.process.destroyForcibly();
      assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    Path strayUpload = data.resolve("tmp").resolve("upload-cut-off.csv");
    Files.createDirectories(strayUpload.getParent());
    Files.writeString(strayUpload, "case_id,cancer\n1,");
    Started second = launch(data);
    try {
      assertThat(strayUpload).as("a half-written upload is removed at start").doesNotExist();
      assertThat(second.printed).contains("1 run(s) were cut off");
      assertThat(second.password).as("no new admin on a second start").isNull();
      Client again = new Client(second.base);
      assertThat(again.login("admin", TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
      String path = "/api/studies/" + study + "/runs/";
      assertThat(again.get(path + finishedRun + "/results").body()).isEqualTo(finishedResults);
      assertThat(Files.readString(data.resolve("runs").resolve(Long.toString(finishedRun)).resolve("results.json")))
          .isEqualTo(finishedResults);
      JsonNode cut = Client.json(again.get(path + cutRun));
      assertThat(cut.path("status").asText()).isEqualTo("interrupted");
      assertThat(again.get(path + cutRun + "/results").statusCode()).isEqualTo(409);
      JsonNode restarted = Client.json(again.post(path + cutRun + "/restart", Map.of()));
      assertThat(restarted.path("status").asText()).isIn("queued", "running");
      assertThat(restarted.path("attempts").asInt()).isEqualTo(2);
      awaitRunning(again, study, cutRun);
    } finally {
      second.process.destroyForcibly();
      second.process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void awaitRunning(Client client, long study, long run) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = Client.json(client.get("/api/studies/" + study + "/runs/" + run));
      if (r.path("status").asText().equals("running") && r.path("progress").asDouble() > 0) {
        return;
      }
      assertThat(r.path("status").asText()).isIn("queued", "running");
      TestServer.sleep(50);
    }
    throw new AssertionError("run " + run + " never got going");
  }

  private record Started(Process process, String base, String password, String printed) {}

  private static Started launch(Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), ServerProcess.class.getName(),
        data.toString()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder printed = new StringBuilder();
    Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)/");
    for (String line; (line = out.readLine()) != null; ) {
      printed.append(line).append('\n');
      Matcher m = listening.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return new Started(p, m.group(1), TestServer.oneTimePassword(printed.toString()), printed.toString());
      }
    }
    throw new AssertionError("the server process ended before listening:\n" + printed + List.of());
  }
}
