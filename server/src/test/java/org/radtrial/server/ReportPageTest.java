package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.report.Report;
import org.radtrial.report.ReportDom;
import org.radtrial.server.TestServer.Client;

/** The full report of a finished run, as the web app serves it: the bytes of {@code radtrial report}, for members only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageTest {
  TestServer server;
  Client admin;
  long study;
  long run;
  String page;

  @BeforeAll
  void startServerWithAnAudit(@TempDir Path tmp) throws Exception {
    server = TestServer.start(tmp.resolve("data"));
    admin = server.admin();
    study = admin.createStudy("Report study");
    Path cohort = TestServer.synth(tmp, 5_000);
    HttpResponse<String> up = admin.upload(study, "cohort.csv", Files.readAllBytes(cohort), TestServer.UPLOAD_QUERY);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    var finished = admin.run(study, Client.json(up).path("id").asLong(), "audit", 50);
    assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("finished");
    run = finished.path("id").asLong();
    page = "/studies/" + study + "/runs/" + run + "/report";
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void reportIsTheBytesOfRadtrialReportOnTheRunsResultsJson() {
    HttpResponse<byte[]> r = admin.send(HttpRequest.newBuilder(URI.create(server.base + page)).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    Path results = server.data.resolve("runs").resolve(Long.toString(run)).resolve("results.json");
    byte[] expected = Report.render(Report.read(results)).getBytes(StandardCharsets.UTF_8);
    assertThat(r.body()).isEqualTo(expected);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
  }

  @Test
  void reportShowsTheKeyFindingsTheRocChartAndTheSubgroups() {
    ReportDom report = new ReportDom(admin.get(page).body());
    assertThat(report.texts("//section[@id='key-findings']//li")).isNotEmpty();
    assertThat(report.texts("//*[local-name()='svg'][@id='roc-full']")).hasSize(1);
    assertThat(report.texts("//*[local-name()='svg'][@id='forest-0']")).hasSize(1);
  }

  @Test
  void reportIsServedWithAPolicyThatAllowsNoScriptAndNoFetch() {
    String policy = admin.get(page).headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).startsWith("default-src 'none';").contains("sandbox").contains("frame-ancestors 'none'")
        .doesNotContain("script-src").doesNotContain("connect-src");
  }

  @Test
  void runPageLinksToTheReport() {
    assertThat(admin.get("/studies/" + study + "/runs/" + run).body()).contains("href=\"" + page + "\"");
  }

  @Test
  void nonMemberGetsNotFoundAsForARunThatDoesNotExist() {
    Client outsider = server.user(admin, "report-outsider", "clinician");
    assertThat(outsider.get(page).statusCode()).isEqualTo(404);
    assertThat(admin.get("/studies/" + study + "/runs/999999/report").statusCode()).isEqualTo(404);
  }
}
