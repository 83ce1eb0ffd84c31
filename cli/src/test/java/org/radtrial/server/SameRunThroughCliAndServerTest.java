package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.cli.Radtrial;
import org.radtrial.server.TestServer.Client;

/**
 * The command line and the workspace assemble no run of their own: the same request made through
 * `radtrial evaluate|audit|simulate` and through the workspace's web API gives the same results.json,
 * apart from provenance (who asked, when, and the file's name). This is the check that the run layer
 * is the only place a run is put together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameRunThroughCliAndServerTest {
  static final String COMMON = "id=case_id&truth=cancer&positive=1&models=model_a,model_b,model_c&readers=reader_1,reader_2";
  static final String METADATA = "age,density,vendor,site,ethnicity";
  static final ObjectMapper MAPPER = new ObjectMapper();

  Path dir;
  Path cohort;
  TestServer server;
  Client admin;
  long study;

  @BeforeAll
  void startServer(@TempDir Path tmp) {
    dir = tmp;
    cohort = TestServer.synth(dir, 6_000);
    server = TestServer.start(dir.resolve("data"));
    admin = server.admin();
    study = admin.createStudy("One run layer");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void evaluationIsTheSameThroughBoth() throws Exception {
    long dataset = upload(COMMON);
    JsonNode web = runOnServer(dataset, Map.of("kind", "evaluation", "bootstrap", 200, "seed", 7, "ci_level", 0.9));
    JsonNode cli = runOnCli("evaluate", "--bootstrap", "200", "--seed", "7", "--ci-level", "0.9",
        "--metadata", METADATA + ",arbitration");
    assertSameApartFromProvenance(web, cli);
    assertThat(web.path("models").size()).isEqualTo(3);
  }

  @Test
  void auditIsTheSameThroughBoth() throws Exception {
    long dataset = upload(COMMON);
    JsonNode web = runOnServer(dataset, Map.of("kind", "audit", "bootstrap", 0, "seed", 3, "groups", "density,vendor"));
    JsonNode cli = runOnCli("audit", "--bootstrap", "0", "--seed", "3", "--group", "density,vendor",
        "--metadata", METADATA + ",arbitration");
    assertSameApartFromProvenance(web, cli);
    assertThat(web.path("audit").path("subgroups").size()).isPositive();
  }

  @Test
  void simulationIsTheSameThroughBoth() throws Exception {
    long dataset = upload(COMMON + "&arbitration=arbitration");
    JsonNode web = runOnServer(dataset, Map.of("kind", "simulation", "bootstrap", 40, "seed", 11, "groups", "density"));
    Path programme = dir.resolve("defaults.yaml");
    // the workspace's programme: Programme.doubleReadingDefaults()
    Files.writeString(programme, "reading: double\narbitration: recorded\nminutes_per_read: 1.0\n"
        + "minutes_per_arbitration: 3.0\nminutes_per_review: 3.0\n");
    JsonNode cli = runOnCli("simulate", "--bootstrap", "40", "--seed", "11", "--group", "density", "--arbitration",
        "arbitration", "--programme", programme.toString(), "--metadata", METADATA);
    assertSameApartFromProvenance(web, cli);
    assertThat(web.path("simulation").path("strategies").size()).isPositive();
  }

  private long upload(String query) throws Exception {
    HttpResponse<String> up = admin.upload(study, "cohort.csv", Files.readAllBytes(cohort), query);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    return Client.json(up).path("id").asLong();
  }

  private JsonNode runOnServer(long dataset, Map<String, Object> parameters) throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(parameters);
    body.put("dataset_id", dataset);
    HttpResponse<String> started = admin.post("/api/studies/" + study + "/runs", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    long run = Client.json(started).path("id").asLong();
    JsonNode state = admin.await(study, run, Duration.ofSeconds(120));
    assertThat(state.path("status").asText()).as(state.toString()).isEqualTo("finished");
    HttpResponse<String> results = admin.get("/api/studies/" + study + "/runs/" + run + "/results");
    assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
    return MAPPER.readTree(results.body());
  }

  private JsonNode runOnCli(String command, String... options) throws Exception {
    Path out = dir.resolve(command + "-out");
    List<String> args = new ArrayList<>(List.of(command, "--cases", cohort.toString(), "--id", "case_id", "--truth", "cancer",
        "--positive", "1", "--models", "model_a,model_b,model_c", "--readers", "reader_1,reader_2", "--out", out.toString(),
        "--no-progress", "--no-report"));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    var cli = Radtrial.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
    return MAPPER.readTree(Files.readString(out.resolve("results.json")));
  }

  private static void assertSameApartFromProvenance(JsonNode web, JsonNode cli) {
    ObjectNode a = ((ObjectNode) web.deepCopy());
    ObjectNode b = ((ObjectNode) cli.deepCopy());
    assertThat(a.remove("provenance")).as("the workspace's provenance").isNotNull();
    assertThat(b.remove("provenance")).as("the command line's provenance").isNotNull();
    assertThat(a.toPrettyString()).isEqualTo(b.toPrettyString());
    assertThat(web.path("provenance").path("input_sha256").asText())
        .isEqualTo(cli.path("provenance").path("input_sha256").asText()).isNotEmpty();
  }
}
