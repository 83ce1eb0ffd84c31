package org.radtrial.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.radtrial.server.Accounts.Session;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Runs.Run;
import org.radtrial.server.Studies.Dataset;
import org.radtrial.server.Studies.Study;

/** The JSON API (docs/openapi.yaml): everything the pages do. */
final class Api {
  private final Accounts accounts;
  private final Studies studies;
  private final Runs runs;
  private final Discussion discussion;
  private final Uploads uploads;
  private final Database db;

  Api(Accounts accounts, Studies studies, Runs runs, Discussion discussion, Uploads uploads, Database db) {
    this.accounts = accounts;
    this.studies = studies;
    this.runs = runs;
    this.discussion = discussion;
    this.uploads = uploads;
    this.db = db;
  }

  void routes(RoutesConfig r, RadtrialServer server) {
    r.post("/api/login", this::login);
    r.post("/api/logout", ctx -> {
      accounts.signOut(RadtrialServer.session(ctx));
      RadtrialServer.setSessionCookie(ctx, null, true);
      RadtrialServer.json(ctx, RadtrialServer.object().put("signed_out", true));
    });
    r.get("/api/me", ctx -> RadtrialServer.json(ctx, user(RadtrialServer.session(ctx).user())));
    r.post("/api/account/password", ctx -> {
      JsonNode body = Json.read(ctx.body());
      accounts.changePassword(RadtrialServer.session(ctx), text(body, "current"), text(body, "new_password"));
      RadtrialServer.json(ctx, RadtrialServer.object().put("changed", true));
    });
    r.get("/api/users", ctx -> {
      RadtrialServer.admin(ctx);
      ArrayNode list = Json.MAPPER.createArrayNode();
      accounts.users().forEach(u -> list.add(user(u)));
      RadtrialServer.json(ctx, list);
    });
    r.post("/api/users", ctx -> {
      User admin = RadtrialServer.admin(ctx);
      JsonNode body = Json.read(ctx.body());
      String password = Accounts.randomToken(15);
      User created = accounts.create(admin.id(), text(body, "username"), text(body, "display_name"), text(body, "role"),
          body.path("admin").asBoolean(false), password);
      ObjectNode out = user(created);
      out.put("one_time_password", password);
      RadtrialServer.json(ctx.status(201), out);
    });
    r.get("/api/audit-log", ctx -> {
      RadtrialServer.admin(ctx);
      ArrayNode list = Json.MAPPER.createArrayNode();
      long before = (long) number(ctx.queryParam("before"), "before", Long.MAX_VALUE);
      db.query("SELECT a.id, a.at, u.username, a.action, a.study_id, a.detail FROM audit_log a LEFT JOIN users u"
          + " ON u.id = a.user_id WHERE a.id < ? ORDER BY a.id DESC LIMIT 1000", rs -> list.addObject().put("id", rs.getLong(1))
          .put("at", rs.getTimestamp(2).toInstant().toString()).put("user", rs.getString(3)).put("action", rs.getString(4))
          .put("study_id", Database.nullableLong(rs, 5)).put("detail", rs.getString(6)), before);
      RadtrialServer.json(ctx, list);
    });
    r.post("/api/users/{username}/unlock", ctx -> {
      User admin = RadtrialServer.admin(ctx);
      boolean was = accounts.unlock(admin, ctx.pathParam("username"));
      RadtrialServer.json(ctx, RadtrialServer.object().put("unlocked", true).put("was_locked", was));
    });
    r.get("/api/studies", ctx -> {
      ArrayNode list = Json.MAPPER.createArrayNode();
      studies.of(RadtrialServer.session(ctx).user()).forEach(s -> list.add(study(s)));
      RadtrialServer.json(ctx, list);
    });
    r.post("/api/studies", ctx -> {
      Study s = studies.create(RadtrialServer.session(ctx).user(), text(Json.read(ctx.body()), "name"));
      RadtrialServer.json(ctx.status(201), study(s));
    });
    r.get("/api/studies/{sid}", ctx -> {
      Study s = server.study(ctx);
      ObjectNode out = study(s);
      ArrayNode members = out.putArray("members");
      studies.members(s.id()).forEach(u -> members.add(user(u)));
      RadtrialServer.json(ctx, out);
    });
    r.post("/api/studies/{sid}/members", ctx -> {
      Study s = server.study(ctx);
      studies.addMember(RadtrialServer.session(ctx).user(), s, text(Json.read(ctx.body()), "username"));
      RadtrialServer.json(ctx.status(201), RadtrialServer.object().put("added", true));
    });
    r.get("/api/studies/{sid}/datasets", ctx -> {
      Study s = server.study(ctx);
      ArrayNode list = Json.MAPPER.createArrayNode();
      studies.datasets(s.id()).forEach(d -> list.add(dataset(d)));
      RadtrialServer.json(ctx, list);
    });
    r.post("/api/studies/{sid}/datasets", this::upload);
    r.get("/api/studies/{sid}/runs", ctx -> {
      Study s = server.study(ctx);
      ArrayNode list = Json.MAPPER.createArrayNode();
      runs.of(s.id()).forEach(run -> list.add(run(run)));
      RadtrialServer.json(ctx, list);
    });
    r.post("/api/studies/{sid}/runs", ctx -> {
      Study s = server.study(ctx);
      JsonNode body = Json.read(ctx.body());
      long datasetId = (long) number(body, "dataset_id", -1);
      Dataset dataset = studies.dataset(s, datasetId);
      RunParameters p = new RunParameters(text(body, "kind") == null ? "evaluation" : text(body, "kind"),
          (int) number(body, "bootstrap", 1000), (long) number(body, "seed", 1), number(body, "ci_level", 0.95),
          RunBudget.groups(dataset, DatasetSpec.list(Limits.require("groups", text(body, "groups"), 20_000))));
      RunBudget.require(dataset, p, Runtime.getRuntime().maxMemory());
      RadtrialServer.json(ctx.status(201), run(runs.start(RadtrialServer.session(ctx).user(), s, datasetId, p)));
    });
    r.get("/api/studies/{sid}/runs/{rid}", ctx -> RadtrialServer.json(ctx, run(server.run(ctx, server.study(ctx)))));
    r.get("/api/studies/{sid}/runs/{rid}/results", ctx -> {
      Run run = server.run(ctx, server.study(ctx));
      String results = server.resultsText(run)
          .orElseThrow(() -> new HttpError(409, "run " + run.id() + " has no results yet (" + run.status() + ")"));
      ctx.contentType("application/json").result(results);
    });
    r.post("/api/studies/{sid}/runs/{rid}/restart", ctx -> {
      Study s = server.study(ctx);
      RadtrialServer.json(ctx, run(runs.restart(RadtrialServer.session(ctx).user(), s, RadtrialServer.id(ctx, "rid"))));
    });
    r.get("/api/studies/{sid}/runs/{rid}/comments", ctx -> {
      Run run = server.run(ctx, server.study(ctx));
      ArrayNode list = Json.MAPPER.createArrayNode();
      discussion.of(run).forEach(c -> list.add(Json.MAPPER.valueToTree(c)));
      RadtrialServer.json(ctx, list);
    });
    r.post("/api/studies/{sid}/runs/{rid}/comments", ctx -> {
      Run run = server.run(ctx, server.study(ctx));
      JsonNode body = Json.read(ctx.body());
      var c = discussion.add(RadtrialServer.session(ctx).user(), run, text(body, "target_type"), text(body, "target"),
          text(body, "body"), body.path("decision").asBoolean(false));
      RadtrialServer.json(ctx.status(201), Json.MAPPER.valueToTree(c));
    });
    r.get("/api/studies/{sid}/decisions", ctx -> {
      Study s = server.study(ctx);
      ArrayNode list = Json.MAPPER.createArrayNode();
      discussion.decisions(s.id()).forEach(c -> list.add(Json.MAPPER.valueToTree(c)));
      RadtrialServer.json(ctx, list);
    });
  }

  private void login(Context ctx) {
    JsonNode body = Json.read(ctx.body());
    Accounts.SignIn signIn = accounts.signIn(text(body, "username"), text(body, "password"), RadtrialServer.address(ctx))
        .orElseThrow(() -> new HttpError(401, "wrong username or password"));
    Session session = signIn.session();
    RadtrialServer.setSessionCookie(ctx, signIn.token(), false);
    ObjectNode out = user(session.user());
    out.put("csrf_token", session.csrfToken());
    RadtrialServer.json(ctx, out);
  }

  /** The body is the file itself; the column roles come as query parameters. */
  private void upload(Context ctx) {
    Study s = studyOf(ctx);
    DatasetSpec roles = new DatasetSpec(DatasetSpec.blankToNull(ctx.queryParam("id")), DatasetSpec.blankToNull(ctx.queryParam("truth")),
        DatasetSpec.blankToNull(ctx.queryParam("positive")), DatasetSpec.list(ctx.queryParam("models")),
        DatasetSpec.list(ctx.queryParam("readers")), DatasetSpec.blankToNull(ctx.queryParam("arbitration")), List.of());
    long declared = ctx.req().getContentLengthLong();
    Dataset d = uploads.accept(RadtrialServer.session(ctx).user(), s, ctx.queryParam("filename"), roles, ctx.bodyInputStream(),
        declared);
    RadtrialServer.json(ctx.status(201), dataset(d));
  }

  private Study studyOf(Context ctx) {
    return studies.require(RadtrialServer.session(ctx).user(), RadtrialServer.id(ctx, "sid"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static double number(String text, String field, double fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest(field + ": '" + Limits.clip(text, 40) + "' is not a number");
    }
  }

  private static double number(JsonNode body, String field, double fallback) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return fallback;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.parseDouble(v.asText().trim());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest(field + ": '" + v.asText() + "' is not a number");
    }
  }

  static ObjectNode user(User u) {
    return RadtrialServer.object().put("id", u.id()).put("username", u.username()).put("display_name", u.displayName())
        .put("role", u.role()).put("admin", u.admin()).put("must_change_password", u.mustChangePassword());
  }

  static ObjectNode study(Study s) {
    return RadtrialServer.object().put("id", s.id()).put("name", s.name()).put("created_at", s.createdAt());
  }

  static ObjectNode dataset(Dataset d) {
    ObjectNode o = RadtrialServer.object().put("id", d.id()).put("study_id", d.studyId()).put("filename", d.filename())
        .put("sha256", d.sha256()).put("bytes", d.bytes()).put("cases", d.cases()).put("positives", d.positives())
        .put("uploaded_by", d.uploadedBy()).put("uploaded_at", d.uploadedAt());
    o.set("columns", Json.MAPPER.valueToTree(d.spec()));
    return o;
  }

  ObjectNode run(Run r) {
    ObjectNode o = RadtrialServer.object().put("id", r.id()).put("study_id", r.studyId()).put("dataset_id", r.datasetId())
        .put("kind", r.kind()).put("status", r.status()).put("progress", runs.progress(r)).put("message", r.message())
        .put("input_sha256", r.inputSha256()).put("attempts", r.attempts()).put("created_by", r.createdBy())
        .put("created_at", r.createdAt()).put("started_at", r.startedAt()).put("finished_at", r.finishedAt());
    o.set("parameters", Json.MAPPER.valueToTree(r.parameters()));
    return o;
  }
}
