package org.radtrial.server;

import static org.radtrial.server.Html.esc;
import static org.radtrial.server.Html.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.radtrial.server.Accounts.Session;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Discussion.Comment;
import org.radtrial.server.Runs.Run;
import org.radtrial.server.Studies.Dataset;
import org.radtrial.server.Studies.Study;

/** The server-rendered pages. Forms post to the JSON API through /static/app.js, with the CSRF token. */
final class Pages {
  private final Accounts accounts;
  private final Studies studies;
  private final Runs runs;
  private final Discussion discussion;
  private final Database db;
  private final java.util.Map<Long, String> simulatorData = new java.util.concurrent.ConcurrentHashMap<>();

  Pages(Accounts accounts, Studies studies, Runs runs, Discussion discussion, Database db) {
    this.accounts = accounts;
    this.studies = studies;
    this.runs = runs;
    this.discussion = discussion;
    this.db = db;
  }

  static String login() {
    return Html.page("Sign in", null, "<form data-api=\"/api/login\" data-next=\"/\" class=\"card\">"
        + "<label>Username <input name=\"username\" id=\"username\" autocomplete=\"username\" required></label>"
        + "<label>Password <input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
        + "</label><button id=\"sign-in\">Sign in</button><p class=\"error\"></p></form>");
  }

  static String password(Session s) {
    String note = s.user().mustChangePassword()
        ? "<p class=\"warn\">You signed in with a one-time password: choose your own before going on.</p>" : "";
    return Html.page("Change password", s, note + "<form data-api=\"/api/account/password\" data-next=\"/\" class=\"card\">"
        + "<label>Current password <input name=\"current\" id=\"current\" type=\"password\" required></label>"
        + "<label>New password (at least " + Accounts.MIN_PASSWORD_LENGTH + " characters) <input name=\"new_password\""
        + " id=\"new-password\" type=\"password\" required></label><button id=\"change\">Change password</button>"
        + "<p class=\"error\"></p></form>");
  }

  String home(Session s) {
    StringBuilder h = new StringBuilder("<h2>Your studies</h2><ul id=\"studies\">");
    for (Study study : studies.of(s.user())) {
      h.append("<li><a href=\"/studies/").append(study.id()).append("\">").append(esc(study.name())).append("</a></li>");
    }
    h.append("</ul><form data-api=\"/api/studies\" data-next=\"/studies/{id}\" class=\"card\"><h3>New study</h3>"
        + "<label>Name <input name=\"name\" id=\"study-name\" required></label><button id=\"create-study\">Create</button>"
        + "<p class=\"error\"></p></form>");
    return Html.page("radtrial workspace", s, h.toString());
  }

  String admin(Session s) {
    StringBuilder h = new StringBuilder("<form data-api=\"/api/users\" data-show=\"one_time_password\" class=\"card\">"
        + "<h3>New account</h3><label>Username <input name=\"username\" required></label>"
        + "<label>Name <input name=\"display_name\"></label><label>Clinical role <select name=\"role\">");
    for (String role : Accounts.ROLES) {
      h.append("<option value=\"").append(role).append("\">").append(esc(Html.role(role))).append("</option>");
    }
    h.append("</select></label><label><input type=\"checkbox\" name=\"admin\"> administrator</label>"
        + "<button>Create</button><p class=\"error\"></p><p class=\"shown\"></p></form><h2>Accounts</h2>"
        + "<table class=\"data\"><tr><th>Username</th><th>Name</th><th>Role</th><th>Admin</th></tr>");
    for (User u : accounts.users()) {
      h.append("<tr><td>").append(esc(u.username())).append("</td><td>").append(esc(u.displayName())).append("</td><td>")
          .append(esc(Html.role(u.role()))).append("</td><td>").append(u.admin() ? "yes" : "").append("</td></tr>");
    }
    h.append("</table><h2>Audit log (latest 200)</h2><table class=\"data\" id=\"audit-log\"><tr><th>When</th><th>User</th>"
        + "<th>Action</th><th>Study</th><th>Detail</th></tr>");
    for (String[] row : db.query("SELECT a.at, u.username, a.action, a.study_id, a.detail FROM audit_log a LEFT JOIN users u"
        + " ON u.id = a.user_id ORDER BY a.id DESC LIMIT 200", rs -> new String[] {rs.getTimestamp(1).toInstant().toString(),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})) {
      h.append("<tr>");
      for (String cell : row) {
        h.append("<td>").append(esc(cell == null ? "" : cell)).append("</td>");
      }
      h.append("</tr>");
    }
    return Html.page("Administration", s, h.append("</table>").toString());
  }

  String study(Session s, Study study) {
    String api = "/api/studies/" + study.id();
    StringBuilder h = new StringBuilder("<p><a href=\"/studies/").append(study.id())
        .append("/decisions\">Decision log</a></p><h2>Runs</h2><table class=\"data\" id=\"runs\"><tr><th>Run</th><th>Kind</th>"
            + "<th>Dataset</th><th>Status</th><th>By</th><th>Created</th></tr>");
    for (Run run : runs.of(study.id())) {
      h.append("<tr><td><a href=\"/studies/").append(study.id()).append("/runs/").append(run.id()).append("\">run ")
          .append(run.id()).append("</a></td><td>").append(esc(run.kind())).append("</td><td>").append(run.datasetId())
          .append("</td><td class=\"status\">").append(esc(run.status())).append("</td><td>").append(esc(run.createdBy()))
          .append("</td><td>").append(esc(run.createdAt())).append("</td></tr>");
    }
    h.append("</table>");
    List<Dataset> datasets = studies.datasets(study.id());
    if (!datasets.isEmpty()) {
      h.append("<form data-api=\"").append(api).append("/runs\" data-next=\"/studies/").append(study.id())
          .append("/runs/{id}\" class=\"card\" id=\"run-form\"><h3>New run</h3><label>Dataset <select name=\"dataset_id\">");
      for (Dataset d : datasets) {
        h.append("<option value=\"").append(d.id()).append("\">").append(d.id()).append(": ").append(esc(d.filename()))
            .append("</option>");
      }
      h.append("</select></label><label>Kind <select name=\"kind\" id=\"kind\"><option value=\"evaluation\">evaluation</option><option value=\"audit\">audit</option>"
          + "<option value=\"simulation\">simulation</option></select></label><label>Bootstrap replicates <input name=\"bootstrap\" id=\"bootstrap\""
          + " value=\"1000\" inputmode=\"numeric\"></label><label>Seed <input name=\"seed\" value=\"1\"></label>"
          + "<label>CI level <input name=\"ci_level\" value=\"0.95\"></label><label>Groups (audit, simulation; comma-separated,"
          + " empty = all metadata) <input name=\"groups\"></label><button id=\"start-run\">Start</button>"
          + "<p class=\"error\"></p></form>");
    }
    h.append("<h2>Datasets</h2><table class=\"data\" id=\"datasets\"><tr><th>Id</th><th>File</th><th>Cases</th><th>Positives</th>"
        + "<th>SHA-256</th><th>Uploaded</th></tr>");
    for (Dataset d : datasets) {
      h.append("<tr><td>").append(d.id()).append("</td><td>").append(esc(d.filename())).append("</td><td>").append(d.cases())
          .append("</td><td>").append(d.positives()).append("</td><td class=\"sha\">").append(esc(d.sha256()))
          .append("</td><td>").append(esc(d.uploadedBy())).append(", ").append(esc(d.uploadedAt())).append("</td></tr>");
    }
    h.append("</table><form data-api=\"").append(api).append("/datasets\" class=\"card\" id=\"upload-form\">"
        + "<h3>Upload a case table (CSV or TSV, one row per exam)</h3><label>File <input type=\"file\" name=\"file\" id=\"file\""
        + " required></label><label>Case id column <input name=\"id\" id=\"col-id\" placeholder=\"case_id\"></label>"
        + "<label>Truth column <input name=\"truth\" id=\"col-truth\" placeholder=\"cancer\" required></label>"
        + "<label>Positive value <input name=\"positive\" id=\"col-positive\" value=\"1\" required></label>"
        + "<label>Model score columns <input name=\"models\" id=\"col-models\" placeholder=\"model_a,model_b\" required></label>"
        + "<label>Reader decision columns <input name=\"readers\" id=\"col-readers\" placeholder=\"reader_1,reader_2\"></label>"
        + "<label>Arbitration column <input name=\"arbitration\" id=\"col-arbitration\" placeholder=\"arbitration\"></label>"
        + "<button id=\"upload\">Upload and check</button><p class=\"error\" id=\"upload-error\"></p></form>");
    h.append("<h2>Members</h2><ul id=\"members\">");
    for (User u : studies.members(study.id())) {
      h.append("<li>").append(esc(u.displayName())).append(" (").append(esc(u.username())).append(", ")
          .append(esc(Html.role(u.role()))).append(")</li>");
    }
    h.append("</ul><form data-api=\"").append(api).append("/members\" class=\"card\"><label>Add member (username) <input"
        + " name=\"username\" required></label><button>Add</button><p class=\"error\"></p></form>");
    return Html.page(study.name(), s, h.toString());
  }

  String run(Session s, Study study, Run run, String targetType, String target) {
    String base = "/studies/" + study.id() + "/runs/" + run.id();
    String api = "/api" + base;
    StringBuilder h = new StringBuilder("<p><a href=\"/studies/").append(study.id()).append("\">← ").append(esc(study.name()))
        .append("</a></p><dl class=\"facts\"><dt>Kind</dt><dd>").append(esc(run.kind())).append("</dd><dt>Status</dt><dd id=\"status\">")
        .append(esc(run.status())).append("</dd><dt>Parameters</dt><dd><code>").append(esc(Json.write(run.parameters())))
        .append("</code></dd><dt>Input SHA-256</dt><dd class=\"sha\">").append(esc(run.inputSha256()))
        .append("</dd><dt>Started by</dt><dd>").append(esc(run.createdBy())).append(", ").append(esc(run.createdAt()))
        .append("</dd><dt>Attempts</dt><dd>").append(run.attempts()).append("</dd></dl>");
    if (run.message() != null) {
      h.append("<p class=\"warn\" id=\"run-message\">").append(esc(run.message())).append("</p>");
    }
    if (run.status().equals("queued") || run.status().equals("running")) {
      h.append("<p>Progress: <progress id=\"progress\" max=\"1\" value=\"").append(num(runs.progress(run), 3))
          .append("\" data-poll=\"").append(api).append("\"></progress> <span id=\"progress-text\"></span></p>");
    }
    if (run.status().equals("interrupted") || run.status().equals("failed")) {
      h.append("<form data-api=\"").append(api).append("/restart\" class=\"inline\"><button id=\"restart\">Restart this run"
          + "</button><p class=\"error\"></p></form>");
    }
    JsonNode results = runs.parsedResults(run).orElse(null);
    if (results != null) {
      h.append("<nav class=\"views\">");
      if (results.has("models")) {
        h.append("<a href=\"#leaderboard-section\">Leaderboard</a> ");
      }
      if (results.has("audit")) {
        h.append("<a id=\"subgroups-link\" href=\"").append(base).append("/subgroups\">Subgroup explorer</a> <a href=\"")
            .append(base).append("/slices\">Failure slices</a> ");
      }
      if (results.has("simulation")) {
        h.append("<a id=\"simulator-link\" href=\"").append(base).append("/simulator\">Deployment simulator</a> ");
      }
      h.append("<a id=\"report-link\" href=\"").append(base).append("/report\">Full report</a> ");
      h.append("<a href=\"").append(api).append("/results\">results.json</a></nav>");
      if (results.has("models")) {
        h.append("<section id=\"leaderboard-section\"><h2>Leaderboard</h2>").append(Views.leaderboard(results))
            .append("</section>");
      }
    }
    h.append(discussionSection(run, api, results, targetType, target));
    return Html.page("Run " + run.id() + " · " + run.kind(), s, h.toString());
  }

  private String discussionSection(Run run, String api, JsonNode results, String targetType, String target) {
    StringBuilder h = new StringBuilder("<section id=\"discussion\"><h2>Discussion</h2><ol id=\"comments\">");
    for (Comment c : discussion.of(run)) {
      h.append("<li class=\"").append(c.decision() ? "decision" : "comment").append("\"><div class=\"meta\">")
          .append(c.decision() ? "<strong>Decision</strong> · " : "").append(esc(c.authorName())).append(" (")
          .append(esc(Html.role(c.authorRole()))).append(") on ").append(esc(c.targetType())).append(" <em>")
          .append(esc(c.target())).append("</em>, ").append(esc(c.createdAt())).append("</div><div class=\"body\">")
          .append(esc(c.body())).append("</div></li>");
    }
    h.append("</ol><form data-api=\"").append(api).append("/comments\" class=\"card\" id=\"comment-form\"><label>About <select"
        + " name=\"target_type\" id=\"target-type\">");
    for (String t : Discussion.TARGETS) {
      h.append("<option value=\"").append(t).append("\"").append(t.equals(targetType) ? " selected" : "").append(">").append(t)
          .append("</option>");
    }
    h.append("</select></label><label>Which (model name, subgroup, slice; empty for the run) <input name=\"target\""
        + " id=\"target\" list=\"targets\" value=\"").append(esc(target == null ? "" : target)).append("\"></label><datalist"
        + " id=\"targets\">");
    if (results != null) {
      for (String m : Views.modelNames(results)) {
        h.append("<option value=\"").append(esc(m)).append("\">");
      }
    }
    h.append("</datalist><label>Comment <textarea name=\"body\" id=\"comment-body\" rows=\"3\" required></textarea></label>"
        + "<label><input type=\"checkbox\" name=\"decision\" id=\"is-decision\"> this is a decision (goes to the decision log)"
        + "</label><button id=\"add-comment\">Post</button><p class=\"error\"></p></form></section>");
    return h.toString();
  }

  String subgroups(Session s, Study study, Run run, JsonNode results, String column, String model, String metric) {
    String base = "/studies/" + study.id() + "/runs/" + run.id();
    List<String> columns = Views.auditColumns(results);
    List<String> models = Views.modelNames(results);
    String col = column != null && columns.contains(column) ? column : columns.isEmpty() ? "" : columns.get(0);
    String mod = model != null && models.contains(model) ? model : models.isEmpty() ? "" : models.get(0);
    String met = metric != null && Views.FOREST_METRICS.contains(metric) ? metric : "sensitivity";
    StringBuilder h = new StringBuilder("<p><a href=\"").append(base).append("\">← run ").append(run.id())
        .append("</a></p><form method=\"get\" class=\"inline\" id=\"forest-form\">");
    h.append(select("column", columns, col)).append(select("model", models, mod)).append(select("metric", Views.FOREST_METRICS,
        met)).append("<button>Show</button></form>");
    h.append(Views.forest(results, col, mod, met));
    h.append("<p class=\"note\">Open squares: underpowered subgroups (too few positives to judge). Dashed line: the whole"
        + " cohort. Deployed operating point: ").append(esc(results.path("audit").path("operating_point").asText()))
        .append(". <a href=\"").append(base).append("?target_type=subgroup&target=").append(esc(Views.urlEncode(mod + ": " + col)))
        .append("#discussion\">Discuss this subgroup</a></p>");
    return Html.page("Subgroups · run " + run.id(), s, h.toString());
  }

  String slices(Session s, Study study, Run run, JsonNode results) {
    String base = "/studies/" + study.id() + "/runs/" + run.id();
    return Html.page("Failure slices · run " + run.id(), s, "<p><a href=\"" + base + "\">← run " + run.id() + "</a></p>"
        + Views.slices(results, base));
  }

  String simulator(Session s, Study study, Run run, JsonNode results) {
    String base = "/studies/" + study.id() + "/runs/" + run.id();
    List<String> models = Views.modelNames(results);
    StringBuilder h = new StringBuilder("<p><a href=\"").append(base).append("\">← run ").append(run.id()).append("</a></p>")
        .append("<script type=\"application/json\" id=\"sim-data\">").append(simulatorData.computeIfAbsent(run.id(), id -> Html.scriptJson(Views.simulatorData(results))))
        .append("</script><div class=\"card\" id=\"simulator\">").append(select("sim-model", models, models.get(0)))
        .append("<label>Role <select id=\"sim-strategy\"></select></label><label>Threshold <input type=\"range\" id=\"sim-slider\""
            + " min=\"0\" max=\"0\" step=\"1\" value=\"0\"></label><p id=\"sim-description\" class=\"note\"></p>"
            + "<table class=\"data\"><tr><th></th><th>With the AI</th><th>Programme as recorded</th></tr>"
            + "<tr><td>Threshold (share of exams flagged)</td><td id=\"sim-threshold\"></td><td></td></tr>"
            + "<tr><td>Cancers detected per 1,000</td><td id=\"sim-cdr\"></td><td id=\"base-cdr\"></td></tr>"
            + "<tr><td>Sensitivity</td><td id=\"sim-sensitivity\"></td><td id=\"base-sensitivity\"></td></tr>"
            + "<tr><td>Recall rate</td><td id=\"sim-recall_rate\"></td><td id=\"base-recall_rate\"></td></tr>"
            + "<tr><td>False-positive recalls per 1,000</td><td id=\"sim-fp_per_1000\"></td><td id=\"base-fp_per_1000\"></td></tr>"
            + "<tr><td>Cancers missed vs recorded (net)</td><td id=\"sim-missed_vs_baseline\"></td><td></td></tr>"
            + "<tr><td>Human reads</td><td id=\"sim-human_reads\"></td><td id=\"base-human_reads\"></td></tr>"
            + "<tr><td>Reading hours</td><td id=\"sim-reading_hours\"></td><td id=\"base-reading_hours\"></td></tr>"
            + "<tr><td>Workload change (%)</td><td id=\"sim-workload_change_pct\"></td><td></td></tr></table></div>"
            + "<p class=\"note\">Intervals are bootstrap percentile intervals from the run (see docs/simulation.md for the"
            + " strategies and the assumption about unrecorded decisions: ")
        .append(esc(results.path("simulation").path("assumption").path("name").asText())).append(").</p>");
    return Html.page("Deployment simulator · run " + run.id(), s, h.toString());
  }

  String decisions(Session s, Study study) {
    StringBuilder h = new StringBuilder("<p><a href=\"/studies/").append(study.id()).append("\">← ").append(esc(study.name()))
        .append("</a></p><table class=\"data\" id=\"decisions\"><tr><th>When</th><th>Run</th><th>About</th><th>Decision</th>"
            + "<th>By</th></tr>");
    for (Comment c : discussion.decisions(study.id())) {
      h.append("<tr><td>").append(esc(c.createdAt())).append("</td><td><a href=\"/studies/").append(study.id()).append("/runs/")
          .append(c.runId()).append("\">run ").append(c.runId()).append("</a></td><td>").append(esc(c.targetType())).append(": ")
          .append(esc(c.target())).append("</td><td>").append(esc(c.body())).append("</td><td>").append(esc(c.authorName()))
          .append(" (").append(esc(Html.role(c.authorRole()))).append(")</td></tr>");
    }
    return Html.page("Decision log · " + study.name(), s, h.append("</table>").toString());
  }

  private static String select(String name, List<String> options, String chosen) {
    StringBuilder h = new StringBuilder("<label>").append(esc(name.replace("sim-", ""))).append(" <select name=\"")
        .append(esc(name)).append("\" id=\"").append(esc(name)).append("\">");
    for (String o : options) {
      h.append("<option value=\"").append(esc(o)).append("\"").append(o.equals(chosen) ? " selected" : "").append(">")
          .append(esc(o)).append("</option>");
    }
    return h.append("</select></label>").toString();
  }
}
