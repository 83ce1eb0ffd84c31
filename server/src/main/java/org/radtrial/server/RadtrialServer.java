package org.radtrial.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.radtrial.server.Accounts.Session;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Runs.Run;
import org.radtrial.server.Studies.Study;

/**
 * {@code radtrial serve}: the shared workspace. Owns the database, the run workers and the HTTP
 * server; {@link #close()} stops all three.
 */
public final class RadtrialServer implements AutoCloseable {
  static final String COOKIE = "radtrial_session";
  /**
   * The report of a run is the page {@code radtrial report} writes: inline style and data images, no
   * script, nothing fetched. It is served sandboxed (an opaque origin, no scripts, no forms).
   */
  static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
      + " form-action 'none'; frame-ancestors 'none'; sandbox";

  private final Database db;
  private final Accounts accounts;
  private final Studies studies;
  private final Runs runs;
  private final Discussion discussion;
  private final Uploads uploads;
  private final Pages pages;
  private final Api api;
  private final Javalin app;
  private final ServerConfig config;

  private RadtrialServer(ServerConfig config, PrintStream out) {
    this.config = config;
    try {
      Files.createDirectories(config.dataDir());
      removeStrayUploads(config.dataDir().resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
    }
    if (Files.exists(config.dataDir().resolve("radtrial.mv.db"))) {
      out.println("radtrial serve: " + config.dataDir().resolve("radtrial.mv.db") + " is an H2 database of an earlier"
          + " version, which could lose confirmed writes in a crash; it is not read. The workspace now lives in"
          + " radtrial.db (SQLite) or PostgreSQL (--database)");
    }
    db = new Database(config.dataDir(), config.databaseUrl());
    accounts = new Accounts(db);
    studies = new Studies(db, accounts);
    uploads = new Uploads(db, studies, config.dataDir(), config.maxUploadBytes());
    runs = new Runs(db, studies, uploads, config.dataDir(), config.runThreads());
    discussion = new Discussion(db);
    pages = new Pages(accounts, studies, runs, discussion, db);
    api = new Api(accounts, studies, runs, discussion, uploads, db);
    try {
      int orphans = uploads.removeOrphans();
      if (orphans > 0) {
        out.println("radtrial serve: removed " + orphans + " uploaded file(s) that no dataset names (an upload cut off by"
            + " the last stop)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + config.dataDir().resolve("uploads"), e);
    }
    int interrupted = runs.markInterrupted();
    if (interrupted > 0) {
      out.println("radtrial serve: " + interrupted + " run(s) were cut off when the server last stopped; they are marked"
          + " interrupted and can be restarted from their pages");
    }
    accounts.createFirstAdmin().ifPresent(password -> out.println("radtrial serve: first run: created the account 'admin'"
        + " with the one-time password " + password + " (it must be changed at the first sign-in)"));
    app = Javalin.create(this::configure);
    app.start(config.host(), config.port());
    out.println("radtrial serve: listening on http://" + config.host() + ":" + app.port() + "/ (data in "
        + config.dataDir().toAbsolutePath() + ")");
    out.flush();
  }

  /** Uploads cut off by a stop are half-written temporary files: never recorded, so removed. */
  private static void removeStrayUploads(Path tmp) throws IOException {
    if (!Files.isDirectory(tmp)) {
      return;
    }
    try (var files = Files.list(tmp)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
    }
  }

  /** Starts the server; it listens until {@link #close()}. */
  public static RadtrialServer start(ServerConfig config, PrintStream out) {
    return new RadtrialServer(config, out);
  }

  /** The database, for tests in this package. */
  Database database() {
    return db;
  }

  public int port() {
    return app.port();
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = Limits.JSON_BODY;
    var r = config.routes;
    r.before(this::guard);
    r.exception(HttpError.class, this::error);
    r.exception(IllegalArgumentException.class, (e, ctx) -> error(HttpError.badRequest(e.getMessage()), ctx));
    r.exception(IllegalStateException.class, (e, ctx) -> {
      if (!Database.isUniqueViolation(e)) {
        throw e;
      }
      error(new HttpError(409, "that already exists (another request made it at the same moment)"), ctx);
    });
    r.get("/static/app.js", ctx -> resource(ctx, "app.js", "text/javascript"));
    r.get("/static/app.css", ctx -> resource(ctx, "app.css", "text/css"));
    r.get("/login", ctx -> ctx.html(Pages.login()));
    r.get("/account/password", ctx -> ctx.html(Pages.password(session(ctx))));
    r.get("/", ctx -> ctx.html(pages.home(session(ctx))));
    r.get("/admin", ctx -> {
      admin(ctx);
      ctx.html(pages.admin(session(ctx)));
    });
    r.get("/studies/{sid}", ctx -> ctx.html(pages.study(session(ctx), study(ctx))));
    r.get("/studies/{sid}/decisions", ctx -> ctx.html(pages.decisions(session(ctx), study(ctx))));
    r.get("/studies/{sid}/runs/{rid}", ctx -> {
      Study study = study(ctx);
      ctx.html(pages.run(session(ctx), study, run(ctx, study), ctx.queryParam("target_type"), ctx.queryParam("target")));
    });
    r.get("/studies/{sid}/runs/{rid}/subgroups", ctx -> {
      Study study = study(ctx);
      Run run = run(ctx, study);
      ctx.html(pages.subgroups(session(ctx), study, run, results(run, "audit"), ctx.queryParam("column"),
          ctx.queryParam("model"), ctx.queryParam("metric")));
    });
    r.get("/studies/{sid}/runs/{rid}/slices", ctx -> {
      Study study = study(ctx);
      Run run = run(ctx, study);
      ctx.html(pages.slices(session(ctx), study, run, results(run, "audit")));
    });
    r.get("/studies/{sid}/runs/{rid}/simulator", ctx -> {
      Study study = study(ctx);
      Run run = run(ctx, study);
      ctx.html(pages.simulator(session(ctx), study, run, results(run, "simulation")));
    });
    r.get("/studies/{sid}/runs/{rid}/report", ctx -> {
      Run run = run(ctx, study(ctx));
      JsonNode results = runs.parsedResults(run)
          .orElseThrow(() -> new HttpError(409, "run " + run.id() + " has no results yet (" + run.status() + ")"));
      ctx.header("Content-Security-Policy", REPORT_POLICY);
      ctx.contentType("text/html; charset=utf-8").result(pages.report(run, results));
    });
    api.routes(r, this);
  }

  /** Security headers; session; CSRF and same-origin checks on every state-changing request. */
  private void guard(Context ctx) {
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
        + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    String path = ctx.path();
    requireAllowedHost(ctx);
    String expectedOrigin = config.publicUrl() != null ? config.publicOrigin() : "http://" + ctx.host();
    ctx.attribute("secure", expectedOrigin.startsWith("https:"));
    ctx.attribute("address", clientAddress(ctx));
    boolean write = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
    if (write && !path.endsWith("/datasets") && ctx.req().getContentLengthLong() > Limits.JSON_BODY) {
      try {
        Uploads.drain(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
      } catch (java.io.IOException e) {
        // no body to drain: answer anyway
      }
      throw new HttpError(413, "the request body has " + ctx.req().getContentLengthLong() + " bytes; at most "
          + Limits.JSON_BODY + " are accepted here (case tables go to /api/studies/ID/datasets)");
    }
    if (write) {
      String origin = ctx.header("Origin");
      if (origin != null && !origin.equals(expectedOrigin)) {
        throw new HttpError(403, "cross-site request refused (Origin " + origin + ")");
      }
      if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
        throw new HttpError(403, "cross-site request refused");
      }
    }
    if (path.startsWith("/static/") || path.equals("/login")) {
      return;
    }
    if (path.equals("/api/login")) {
      String type = ctx.contentType();
      if (write && (type == null || !type.startsWith("application/json"))) {
        throw new HttpError(415, "sign in with a JSON body {\"username\": ..., \"password\": ...}");
      }
      return;
    }
    Session session = accounts.session(ctx.cookie(COOKIE))
        .orElseThrow(() -> new HttpError(401, "sign in first"));
    ctx.attribute("session", session);
    if (write && !Accounts.sameToken(ctx.header("X-CSRF-Token"), session.csrfToken())) {
      throw new HttpError(403, "missing or wrong CSRF token: send the X-CSRF-Token header returned by /api/login");
    }
    if (session.user().mustChangePassword() && !path.equals("/account/password") && !path.equals("/api/account/password")
        && !path.equals("/api/logout") && !path.equals("/api/me")) {
      throw HttpError.redirecting(403, "change your one-time password first (POST /api/account/password)",
          "/account/password");
    }
  }

  /**
   * The Host header must name this server (DNS rebinding: a page on another name that resolves to
   * this address must not drive it). 421 otherwise, before anything else runs.
   */
  private void requireAllowedHost(Context ctx) {
    String hostHeader = ctx.header("Host");
    String name = hostHeader == null ? "" : hostHeader.toLowerCase(java.util.Locale.ROOT);
    int colon = name.startsWith("[") ? name.indexOf("]:") + 1 : name.lastIndexOf(':');
    if (colon > 0) {
      name = name.substring(0, colon);
    }
    if (!config.hostNames().contains(name)) {
      throw new HttpError(421, "this server does not answer to the host name '" + Limits.clip(Limits.cleanName(name), 100)
          + "'; allowed: " + config.hostNames() + " (start it with --allowed-host or --public-url to add one)");
    }
  }

  /**
   * The client's address: behind the proxy (--public-url), the last X-Forwarded-For entry, the one
   * the proxy itself appended; otherwise the connection's.
   */
  private String clientAddress(Context ctx) {
    String forwarded = config.publicUrl() == null ? null : ctx.header("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      return Limits.clip(hops[hops.length - 1].trim(), 64);
    }
    return ctx.ip();
  }

  static String address(Context ctx) {
    String a = ctx.attribute("address");
    return a == null ? ctx.ip() : a;
  }

  private void error(HttpError e, Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/api/")) {
      json(ctx.status(e.status), Map.of("error", String.valueOf(e.getMessage())));
      return;
    }
    if (e.status == 401) {
      ctx.redirect(link("/login"));
      return;
    }
    if (e.redirect != null) {
      ctx.redirect(link(e.redirect));
      return;
    }
    Session s = ctx.attribute("session");
    ctx.status(e.status).html(Pages.error(s, e.status == 404 ? "Not found" : "Cannot do that", String.valueOf(e.getMessage())));
  }

  /** A link to a path of this server: absolute on the public origin behind a proxy, else relative. */
  String link(String path) {
    return config.publicUrl() == null ? path : config.publicOrigin() + path;
  }

  static Session session(Context ctx) {
    Session s = ctx.attribute("session");
    if (s == null) {
      throw new HttpError(401, "sign in first");
    }
    return s;
  }

  static User admin(Context ctx) {
    User u = session(ctx).user();
    if (!u.admin()) {
      throw new HttpError(403, "only an administrator can do this");
    }
    return u;
  }

  /** The study of the path, if the signed-in user is a member; otherwise 404, as if it did not exist. */
  Study study(Context ctx) {
    return studies.require(session(ctx).user(), id(ctx, "sid"));
  }

  Run run(Context ctx, Study study) {
    return runs.require(study, id(ctx, "rid"));
  }

  JsonNode results(Run run, String section) {
    JsonNode results = runs.parsedResults(run)
        .orElseThrow(() -> new HttpError(409, "run " + run.id() + " has no results yet (" + run.status() + ")"));
    if (!results.has(section)) {
      throw new HttpError(404, "run " + run.id() + " is a " + run.kind() + " run; it has no " + section + " results");
    }
    return results;
  }

  static long id(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw HttpError.notFound();
    }
  }

  static void setSessionCookie(Context ctx, String token, boolean clear) {
    boolean secure = Boolean.TRUE.equals(ctx.attribute("secure"));
    ctx.header("Set-Cookie", COOKIE + "=" + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Strict"
        + (clear ? "; Max-Age=0" : "") + (secure ? "; Secure" : ""));
  }

  static void json(Context ctx, Object value) {
    ctx.contentType("application/json").result(Json.write(value));
  }

  static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }

  Optional<String> resultsText(Run run) {
    return runs.results(run);
  }

  private static void resource(Context ctx, String name, String type) throws IOException {
    try (InputStream in = RadtrialServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw HttpError.notFound();
      }
      ctx.header("Cache-Control", "max-age=300");
      ctx.contentType(type + "; charset=utf-8").result(in.readAllBytes());
    }
  }

  @Override
  public void close() {
    app.stop();
    runs.close();
    db.close();
  }
}
