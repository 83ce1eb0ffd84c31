package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radtrial.core.synth.ScreeningCohortGenerator;
import org.radtrial.io.CaseTableWriter;

/** An in-process server on a free loopback port with a fresh data directory, and HTTP clients for it. */
final class TestServer implements AutoCloseable {
  static final String ADMIN_PASSWORD = "admin password for tests";
  static final String UPLOAD_QUERY = "id=case_id&truth=cancer&positive=1&models=model_a,model_b,model_c"
      + "&readers=reader_1,reader_2&arbitration=arbitration";

  final RadtrialServer server;
  final Path data;
  final String base;
  final String oneTimePassword;

  private TestServer(ServerConfig config) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    server = RadtrialServer.start(config, new PrintStream(printed, true, StandardCharsets.UTF_8));
    data = config.dataDir();
    base = "http://127.0.0.1:" + server.port();
    oneTimePassword = oneTimePassword(printed.toString(StandardCharsets.UTF_8));
  }

  static TestServer start(Path data) {
    return new TestServer(ServerConfig.of(data, 0));
  }

  static TestServer start(ServerConfig config) {
    return new TestServer(config);
  }

  static TestServer start(Path data, long maxUploadBytes) {
    return new TestServer(ServerConfig.of(data, 0).withMaxUploadBytes(maxUploadBytes));
  }

  static String oneTimePassword(String printed) {
    Matcher m = Pattern.compile("one-time password (\\S+)").matcher(printed);
    return m.find() ? m.group(1) : null;
  }

  /** The synthetic screening cohort of `radtrial synth`, written as CSV. */
  static Path synth(Path dir, int cases) {
    Path file = dir.resolve("synthetic-cohort.csv");
    CaseTableWriter.writeCsv(ScreeningCohortGenerator.generate(cases, 1, true), file, "case_id", "cancer");
    return file;
  }

  /** An admin client, signed in, its one-time password already replaced by {@link #ADMIN_PASSWORD}. */
  Client admin() {
    Client c = new Client(base);
    if (oneTimePassword != null) {
      c.login("admin", oneTimePassword);
      HttpResponse<String> r = c.post("/api/account/password",
          Map.of("current", oneTimePassword, "new_password", ADMIN_PASSWORD));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    c.login("admin", ADMIN_PASSWORD);
    return c;
  }

  /** A new account of the given role, signed in with its own password. */
  Client user(Client admin, String username, String role) {
    JsonNode created = Client.json(admin.post("/api/users", Map.of("username", username, "role", role)));
    Client c = new Client(base);
    c.login(username, created.path("one_time_password").asText());
    c.post("/api/account/password", Map.of("current", created.path("one_time_password").asText(), "new_password",
        username + " password 123"));
    c.login(username, username + " password 123");
    return c;
  }

  Database database() {
    return server.database();
  }

  @Override
  public void close() {
    server.close();
  }

  /** One browser-less user: a cookie jar and the session's CSRF token. */
  static final class Client {
    final HttpClient http;
    String base;
    String csrf;

    /** Sent as the Origin header of every POST when set, as a browser does. */
    String origin;

    Client(String base) {
      this(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build());
    }

    Client(String base, HttpClient http) {
      this.base = base;
      this.http = http;
    }

    HttpResponse<String> login(String username, String password) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("username", username, "password", password)))));
      if (r.statusCode() == 200) {
        csrf = json(r).path("csrf_token").asText();
      }
      return r;
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, Object body) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
      if (csrf != null) {
        b.header("X-CSRF-Token", csrf);
      }
      return send(b);
    }

    HttpResponse<String> upload(long studyId, String filename, byte[] bytes, String query) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/studies/" + studyId + "/datasets?filename="
          + filename + "&" + query)).header("Content-Type", "application/octet-stream")
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
      if (csrf != null) {
        b.header("X-CSRF-Token", csrf);
      }
      return send(b);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
      if (origin != null && !request.build().method().equals("GET")) {
        request.header("Origin", origin);
      }
      try {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    long createStudy(String name) {
      HttpResponse<String> r = post("/api/studies", Map.of("name", name));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      return json(r).path("id").asLong();
    }

    /** Starts a run and waits until it ends; returns its final state. */
    JsonNode run(long studyId, long datasetId, String kind, int bootstrap) {
      HttpResponse<String> r = post("/api/studies/" + studyId + "/runs", Map.of("dataset_id", datasetId, "kind", kind,
          "bootstrap", bootstrap));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      return await(studyId, json(r).path("id").asLong(), Duration.ofSeconds(120));
    }

    JsonNode await(long studyId, long runId, Duration limit) {
      long deadline = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < deadline) {
        JsonNode run = json(get("/api/studies/" + studyId + "/runs/" + runId));
        String status = run.path("status").asText();
        if (!status.equals("queued") && !status.equals("running")) {
          return run;
        }
        sleep(100);
      }
      throw new AssertionError("run " + runId + " did not end within " + limit);
    }

    static JsonNode json(HttpResponse<String> r) {
      return Json.read(r.body());
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
