package org.radtrial.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.radtrial.report.Report;
import org.radtrial.server.Accounts.Session;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Discussion.Comment;
import org.radtrial.server.Runs.Run;
import org.radtrial.server.Studies.Dataset;
import org.radtrial.server.Studies.Study;

/**
 * The server-rendered pages: each gathers its values into a record and renders its jte template
 * (src/main/jte/NAME.jte). Forms post to the JSON API through /static/app.js, with the CSRF token.
 */
final class Pages {
  record Home(Session session, List<Study> studies) {}

  record AuditEntry(String at, String username, String action, String study, String detail) {}

  record Admin(Session session, List<String> roles, List<User> users, List<AuditEntry> log) {}

  record StudyPage(Session session, Study study, List<Run> runs, List<Dataset> datasets, List<User> members,
      List<String> kinds) {}

  record DiscussionModel(String api, List<Comment> comments, List<String> targetTypes, String targetType, String target,
      List<String> models) {}

  /** A run; {@code leaderboard} is null unless the run is finished and has an evaluation. */
  record RunPage(Session session, Study study, Run run, String parameters, double progress, boolean audit, boolean simulation,
      Views.Leaderboard leaderboard, DiscussionModel discussion) {
    boolean inProgress() {
      return run.status().equals("queued") || run.status().equals("running");
    }

    boolean restartable() {
      return run.status().equals("interrupted") || run.status().equals("failed");
    }

    boolean finished() {
      return run.finished();
    }
  }

  record SubgroupsPage(Session session, Study study, Run run, List<String> columns, List<String> models, String column,
      String model, String metric, Views.Forest forest, String operatingPoint) {}

  record SlicesPage(Session session, Study study, Run run, Views.Slices slices) {}

  record SimulatorPage(Session session, Study study, Run run, String data, List<String> models, String assumption) {}

  record DecisionsPage(Session session, Study study, List<Comment> decisions) {}

  record ErrorPage(Session session, String title, String message) {}

  private static final int REPORTS_KEPT = 8;

  private final Accounts accounts;
  private final Studies studies;
  private final Runs runs;
  private final Discussion discussion;
  private final Database db;
  private final Map<Long, String> simulatorData = new ConcurrentHashMap<>();
  /** The latest reports rendered: a finished run's results never change, and an audit's report takes a second. */
  private final Map<Long, String> reports = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
      return size() > REPORTS_KEPT;
    }
  });

  Pages(Accounts accounts, Studies studies, Runs runs, Discussion discussion, Database db) {
    this.accounts = accounts;
    this.studies = studies;
    this.runs = runs;
    this.discussion = discussion;
    this.db = db;
  }

  /** A clinical role as people write it: "nuclear-medicine physician". */
  static String role(String role) {
    return role == null ? "" : role.replace('_', ' ').replace("nuclear medicine", "nuclear-medicine");
  }

  static String login() {
    return Templates.render("login.jte");
  }

  static String password(Session s) {
    return Templates.render("password.jte", s);
  }

  static String error(Session s, String title, String message) {
    return Templates.render("error.jte", new ErrorPage(s, title, message));
  }

  String home(Session s) {
    return Templates.render("home.jte", new Home(s, studies.of(s.user())));
  }

  String admin(Session s) {
    List<AuditEntry> log = db.query("SELECT a.at, u.username, a.action, a.study_id, a.detail FROM audit_log a LEFT JOIN users u"
        + " ON u.id = a.user_id ORDER BY a.id DESC LIMIT 200", rs -> new AuditEntry(rs.getTimestamp(1).toInstant().toString(),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    return Templates.render("admin.jte", new Admin(s, Accounts.ROLES, accounts.users(), log));
  }

  String study(Session s, Study study) {
    return Templates.render("study.jte", new StudyPage(s, study, runs.of(study.id()), studies.datasets(study.id()),
        studies.members(study.id()), RunParameters.KINDS));
  }

  String run(Session s, Study study, Run run, String targetType, String target) {
    JsonNode results = runs.parsedResults(run).orElse(null);
    boolean evaluated = results != null && results.path("models").isObject() && !results.path("models").isEmpty();
    DiscussionModel talk = new DiscussionModel("/api/studies/" + study.id() + "/runs/" + run.id(), discussion.of(run),
        Discussion.TARGETS, targetType, target, results == null ? List.of() : Views.modelNames(results));
    return Templates.render("run.jte", new RunPage(s, study, run, Json.write(run.parameters()), runs.progress(run),
        results != null && results.has("audit"), results != null && results.has("simulation"),
        evaluated ? Views.leaderboard(results) : null, talk));
  }

  String subgroups(Session s, Study study, Run run, JsonNode results, String column, String model, String metric) {
    List<String> columns = Views.auditColumns(results);
    List<String> models = Views.modelNames(results);
    String col = column != null && columns.contains(column) ? column : columns.isEmpty() ? "" : columns.get(0);
    String mod = model != null && models.contains(model) ? model : models.isEmpty() ? "" : models.get(0);
    String met = metric != null && Views.FOREST_METRICS.contains(metric) ? metric : "sensitivity";
    return Templates.render("subgroups.jte", new SubgroupsPage(s, study, run, columns, models, col, mod, met,
        Views.forest(results, col, mod, met), results.path("audit").path("operating_point").asText()));
  }

  String slices(Session s, Study study, Run run, JsonNode results) {
    String base = "/studies/" + study.id() + "/runs/" + run.id();
    return Templates.render("slices.jte", new SlicesPage(s, study, run, Views.slices(results, base)));
  }

  String simulator(Session s, Study study, Run run, JsonNode results) {
    String data = simulatorData.computeIfAbsent(run.id(), id -> Views.simulatorData(results));
    return Templates.render("simulator.jte", new SimulatorPage(s, study, run, data, Views.modelNames(results),
        results.path("simulation").path("assumption").path("name").asText()));
  }

  /** The full report of a finished run: {@link Report#render} of its results, what {@code radtrial report} writes. */
  String report(Run run, JsonNode results) {
    return reports.computeIfAbsent(run.id(), id -> Report.render(results));
  }

  String decisions(Session s, Study study) {
    return Templates.render("decisions.jte", new DecisionsPage(s, study, discussion.decisions(study.id())));
  }
}
