package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.server.TestServer.Client;

/** Limits on what users control and the authentication hardening of issue 12, through HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningTest {
  TestServer server;
  Client admin;
  long study;

  @BeforeAll
  void start(@TempDir Path dir) {
    server = TestServer.start(dir.resolve("data"));
    admin = server.admin();
    study = admin.createStudy("Hardening");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aHugeUsernameNeverReachesTheAuditLog() {
    Client anonymous = new Client(server.base);
    try {
      assertThat(anonymous.login("x".repeat(200_000), "p").statusCode()).isEqualTo(413);
    } catch (java.io.UncheckedIOException closed) {
      // Jetty may answer 413 and close the connection before the client has sent the whole body; the client
      // then sees the connection closed instead of the answer. Either way the request was refused, which the
      // audit log below shows.
      assertThat(closed).hasRootCauseInstanceOf(java.io.IOException.class);
    }
    assertThat(anonymous.login("y".repeat(10_000), "p").statusCode()).isEqualTo(401);
    JsonNode latest = Client.json(admin.get("/api/audit-log")).get(0);
    assertThat(latest.path("action").asText()).isEqualTo("session.failed");
    assertThat(latest.path("detail").asText()).hasSizeLessThan(200).contains("characters cut");
  }

  @Test
  void jsonBodiesOverTheLimitAreRefusedWithTheLimit() {
    HttpResponse<String> r = admin.post("/api/studies", Map.of("name", "n".repeat(100_000)));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("at most " + Limits.JSON_BODY);
  }

  @Test
  void aLongDisplayNameIsAClearErrorNotA500() {
    HttpResponse<String> r = admin.post("/api/users", Map.of("username", "longname", "role", "clinician", "display_name",
        "d".repeat(201)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("display_name: at most 200 characters, got 201");
  }

  @Test
  void namesLoseControlAndDirectionOverrideCharacters() {
    HttpResponse<String> r = admin.post("/api/studies", Map.of("name", "Trial\u202Egpj.exe\u0000 \u2066A\u2069\u0007"));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(Client.json(r).path("name").asText()).isEqualTo("Trialgpj.exe A");
    assertThat(admin.post("/api/studies", Map.of("name", "\u202E\u0000")).statusCode()).isEqualTo(400);
  }

  @Test
  void aQuotedHeaderHoldingTheDelimiterIsRead() {
    String csv = "case_id,cancer,model_a,\"site, city\"\n1,1,0.9,\"A, x\"\n2,0,0.1,B\n3,0,0.3,B\n4,1,0.7,A\n";
    HttpResponse<String> r = admin.upload(study, "q.csv", csv.getBytes(StandardCharsets.UTF_8), CrashCycles.QUERY);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(Client.json(r).path("columns").path("metadata").get(0).asText()).isEqualTo("site, city");
  }

  @Test
  void tooManyColumnsAndOverlongLinesAreRefusedWhileStreaming() {
    StringBuilder wide = new StringBuilder("case_id,cancer,model_a");
    for (int i = 0; i < Limits.COLUMNS; i++) {
      wide.append(",c").append(i);
    }
    HttpResponse<String> r = admin.upload(study, "wide.csv", (wide + "\n").getBytes(StandardCharsets.UTF_8), CrashCycles.QUERY);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("more than " + Limits.COLUMNS + " columns");
    r = admin.upload(study, "oneline.csv", "a".repeat(Limits.LINE_BYTES + 10).getBytes(StandardCharsets.UTF_8),
        CrashCycles.QUERY);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("line 1 is longer than " + Limits.LINE_BYTES + " bytes");
  }

  @Test
  void anAuditWithoutGroupsTakesTheFirstTwentyMetadataColumns() {
    StringBuilder csv = new StringBuilder("case_id,cancer,model_a");
    for (int i = 0; i < 30; i++) {
      csv.append(",g").append(i);
    }
    csv.append('\n');
    for (int row = 0; row < 40; row++) {
      csv.append(row).append(',').append(row % 3 == 0 ? 1 : 0).append(',').append(row / 40.0);
      for (int i = 0; i < 30; i++) {
        csv.append(",v").append((row + i) % 2);
      }
      csv.append('\n');
    }
    long dataset = Client.json(admin.upload(study, "groups.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
        CrashCycles.QUERY)).path("id").asLong();
    HttpResponse<String> r = admin.post("/api/studies/" + study + "/runs", Map.of("dataset_id", dataset, "kind", "audit",
        "bootstrap", 0));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(Client.json(r).path("parameters").path("groups")).hasSize(Limits.GROUPS);
    StringBuilder many = new StringBuilder("g0");
    for (int i = 1; i <= Limits.GROUPS; i++) {
      many.append(",g").append(i);
    }
    r = admin.post("/api/studies/" + study + "/runs", Map.of("dataset_id", dataset, "kind", "audit", "groups", many.toString()));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("at most " + Limits.GROUPS + " metadata columns per run, got 21");
  }

  @Test
  void aRequestForAnotherHostNameIsRefused() throws Exception {
    assertThat(rawStatus("evil.example:" + server.server.port())).isEqualTo(421);
    assertThat(rawStatus("localhost:" + server.server.port())).isEqualTo(200);
  }

  private int rawStatus(String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /login HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  @Test
  void probingUsernamesThroughMembershipIsVagueAuditedAndSlowedDown() {
    Client member = server.user(admin, "prober", "clinician");
    admin.post("/api/studies/" + study + "/members", Map.of("username", "prober"));
    HttpResponse<String> r = member.post("/api/studies/" + study + "/members", Map.of("username", "ghost0"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("no account can be added under the name 'ghost0'");
    for (int i = 1; i < Studies.MISSES_PER_HOUR; i++) {
      member.post("/api/studies/" + study + "/members", Map.of("username", "ghost" + i));
    }
    assertThat(member.post("/api/studies/" + study + "/members", Map.of("username", "admin")).statusCode()).isEqualTo(429);
    assertThat(admin.get("/api/audit-log").body()).contains("study.member.miss");
  }

  @Test
  void fiveWrongPasswordsLockAnAccountUntilAnAdministratorLiftsIt() {
    JsonNode made = Client.json(admin.post("/api/users", Map.of("username", "dave", "role", "technologist")));
    String password = made.path("one_time_password").asText();
    Client dave = new Client(server.base);
    for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
      assertThat(dave.login("dave", "wrong guess " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = dave.login("dave", password);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("locked").contains("ask an administrator");
    assertThat(Client.json(admin.post("/api/users/dave/unlock", Map.of())).path("was_locked").asBoolean()).isTrue();
    assertThat(dave.login("dave", password).statusCode()).isEqualTo(200);
  }

  @Test
  void commonAndRepetitivePasswordsAreRefused() {
    JsonNode made = Client.json(admin.post("/api/users", Map.of("username", "erin", "role", "physicist")));
    Client erin = new Client(server.base);
    String otp = made.path("one_time_password").asText();
    erin.login("erin", otp);
    for (String weak : new String[] {"aaaaaaaaaaaa", "password1234", "abcabcabcabc"}) {
      HttpResponse<String> r = erin.post("/api/account/password", Map.of("current", otp, "new_password", weak));
      assertThat(r.statusCode()).as(weak).isEqualTo(400);
    }
    assertThat(erin.post("/api/account/password", Map.of("current", otp, "new_password", "quiet lantern orbit")).statusCode())
        .isEqualTo(200);
  }
}
