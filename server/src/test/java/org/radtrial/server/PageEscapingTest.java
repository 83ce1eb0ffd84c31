package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.server.TestServer.Client;

/**
 * Markup typed by users or read from their files (a study name, a display name, a comment, a
 * column name, a subgroup value) reaches every page as text: escaped by the templates, never run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageEscapingTest {
  static final String STUDY = "<script>alert('study')</script> & \"co\u0007\"";
  static final String PERSON = "<img src=x onerror=alert('name')>";
  static final String COMMENT = "</textarea><script>alert('comment')</script>";
  static final String COLUMN = "<svg onload=alert(1)>";
  static final String LEVEL = "<b>site_1</b>";
  static final List<String> RAW = List.of("<script>alert(", "<img src=x", "</textarea><script>", "<svg onload", "<b>site_1",
      "\u0007");

  TestServer server;
  Client admin;
  Client mallory;
  long study;
  long run;

  @BeforeAll
  void startServerWithHostileNames(@TempDir Path tmp) throws Exception {
    server = TestServer.start(tmp.resolve("data"));
    admin = server.admin();
    JsonNode created = Client.json(admin.post("/api/users", Map.of("username", "mallory", "display_name", PERSON,
        "role", "clinician")));
    mallory = new Client(server.base);
    String otp = created.path("one_time_password").asText();
    mallory.login("mallory", otp);
    mallory.post("/api/account/password", Map.of("current", otp, "new_password", "mallory password 123"));
    mallory.login("mallory", "mallory password 123");

    study = mallory.createStudy(STUDY);
    String csv = Files.readString(TestServer.synth(tmp, 3_000)).replaceFirst(",density,", "," + COLUMN + ",")
        .replace("site_1", LEVEL);
    HttpResponse<String> up = mallory.upload(study, "cohort.csv", csv.getBytes(StandardCharsets.UTF_8), TestServer.UPLOAD_QUERY);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    JsonNode finished = mallory.run(study, Client.json(up).path("id").asLong(), "audit", 20);
    assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("finished");
    run = finished.path("id").asLong();
    HttpResponse<String> comment = mallory.post("/api/studies/" + study + "/runs/" + run + "/comments", Map.of("target_type",
        "subgroup", "target", COLUMN, "body", COMMENT, "decision", true));
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
    assertThat(mallory.post("/api/studies/" + study + "/members", Map.of("username", "admin")).statusCode()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void studyNameIsTextOnEveryPageThatShowsIt() {
    for (String path : List.of("/", "/studies/" + study, "/studies/" + study + "/decisions", "/studies/" + study + "/runs/" + run)) {
      String page = page(mallory, path);
      assertThat(page).as(path).contains("&lt;script&gt;alert(&#39;study&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
    }
  }

  @Test
  void displayNameIsTextInTheHeaderTheMembersAndTheAdminPage() {
    assertThat(page(mallory, "/")).contains("<span class=\"who\">&lt;img src=x onerror=alert(&#39;name&#39;)&gt; (clinician)");
    assertThat(page(mallory, "/studies/" + study)).contains("&lt;img src=x onerror=alert(&#39;name&#39;)&gt; (mallory,");
    String adminPage = page(admin, "/admin");
    assertThat(adminPage).contains("<td>&lt;img src=x onerror=alert(&#39;name&#39;)&gt;</td>")
        .contains("created study &#39;&lt;script&gt;");
  }

  @Test
  void commentIsTextInTheDiscussionAndTheDecisionLog() {
    String escaped = "&lt;/textarea&gt;&lt;script&gt;alert(&#39;comment&#39;)&lt;/script&gt;";
    assertThat(page(mallory, "/studies/" + study + "/runs/" + run)).contains("<div class=\"body\">" + escaped + "</div>")
        .contains("<em>&lt;svg onload=alert(1)&gt;</em>");
    assertThat(page(mallory, "/studies/" + study + "/decisions")).contains("<td>" + escaped + "</td>");
  }

  @Test
  void columnNameAndSubgroupValueAreTextInTheExplorerItsPlotAndItsLinks() {
    String page = page(mallory, "/studies/" + study + "/runs/" + run + "/subgroups?column="
        + URLEncoder.encode(COLUMN, StandardCharsets.UTF_8));
    assertThat(page).contains("<option value=\"&lt;svg onload=alert(1)&gt;\" selected>&lt;svg onload=alert(1)&gt;</option>")
        .contains("&lt;svg onload=alert(1)&gt;</title>");
    String sites = page(mallory, "/studies/" + study + "/runs/" + run + "/subgroups?column=site");
    assertThat(sites).contains(">site = &lt;b&gt;site_1&lt;/b&gt;");
    page(mallory, "/studies/" + study + "/runs/" + run + "/slices");
  }

  @Test
  void controlCharactersAreDroppedAsInTheReport() {
    assertThat(page(mallory, "/")).doesNotContain("\u0007").contains("&quot;co&quot;</a>");
  }

  /** A page, checked to hold none of the payloads as markup. */
  private static String page(Client client, String path) {
    HttpResponse<String> r = client.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    for (String raw : RAW) {
      assertThat(r.body()).as(path).doesNotContain(raw);
    }
    return r.body();
  }
}
