package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.server.TestServer.Client;

/**
 * Behind a real TLS reverse proxy (Debian's nginx on loopback, with a certificate made by the test)
 * started with --public-url: the Origin check, the cookie's Secure flag and redirects agree on the
 * external https origin, so a browser's POSTs work (they all failed before, issue 12).
 */
class ProxyTest {
  @TempDir Path dir;

  @Test
  void browserPostsWorkBehindAnNginxTlsProxyAndCookiesAreSecure() throws Exception {
    Path nginx = Path.of("/usr/sbin/nginx");
    Assumptions.assumeTrue(Files.isExecutable(nginx), "nginx not installed: install Debian's nginx-light (.ci/run does)");
    int proxyPort = freePort();
    String publicUrl = "https://127.0.0.1:" + proxyPort;
    run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("key.pem").toString(),
        "-out", dir.resolve("cert.pem").toString(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost"));
    try (TestServer server = TestServer.start(ServerConfig.of(dir.resolve("data"), 0).withPublicUrl(URI.create(publicUrl)))) {
      Process proxy = startNginx(nginx, proxyPort, server.server.port());
      try {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem")))
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        Client browser = new Client(publicUrl, https);
        browser.origin = publicUrl;

        HttpResponse<String> signedOut = browser.get("/");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValue(publicUrl + "/login");

        HttpResponse<String> login = browser.login("admin", server.oneTimePassword);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure").contains("HttpOnly");
        HttpResponse<String> changed = browser.post("/api/account/password", Map.of("current", server.oneTimePassword,
            "new_password", TestServer.ADMIN_PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        browser.login("admin", TestServer.ADMIN_PASSWORD);
        HttpResponse<String> study = browser.post("/api/studies", Map.of("name", "Behind the proxy"));
        assertThat(study.statusCode()).as(study.body()).isEqualTo(201);

        browser.origin = "http://127.0.0.1:" + proxyPort;
        assertThat(browser.post("/api/studies", Map.of("name", "wrong scheme")).statusCode()).isEqualTo(403);
        browser.origin = "https://evil.example";
        assertThat(browser.post("/api/studies", Map.of("name", "other site")).statusCode()).isEqualTo(403);

        Client anonymous = new Client(publicUrl, HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem"))).build());
        anonymous.login("nobody", "wrong password here");
        browser.origin = publicUrl;
        JsonNode latest = Client.json(browser.get("/api/audit-log")).get(0);
        assertThat(latest.path("detail").asText()).as("the client's address comes from the proxy's X-Forwarded-For")
            .endsWith("from 127.0.0.1");
      } finally {
        proxy.destroy();
        proxy.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private Process startNginx(Path nginx, int port, int backend) throws Exception {
    Path conf = dir.resolve("nginx.conf");
    String d = dir.toAbsolutePath().toString();
    boolean root = "root".equals(System.getProperty("user.name"));
    Files.writeString(conf, (root ? "user root;\n" : "") + "worker_processes 1;\ndaemon off;\npid " + d + "/nginx.pid;\n"
        + "error_log " + d + "/error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n"
        + "  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d + "/proxy;\n  fastcgi_temp_path " + d + "/fcgi;\n"
        + "  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " + d + "/scgi;\n  client_max_body_size 600m;\n"
        + "  server {\n    listen 127.0.0.1:" + port + " ssl;\n    ssl_certificate " + d + "/cert.pem;\n"
        + "    ssl_certificate_key " + d + "/key.pem;\n    location / {\n      proxy_pass http://127.0.0.1:" + backend + ";\n"
        + "      proxy_set_header Host $host:$server_port;\n"
        + "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        + "      proxy_set_header X-Forwarded-Proto $scheme;\n      proxy_request_buffering off;\n    }\n  }\n}\n");
    Process p = new ProcessBuilder(nginx.toString(), "-p", d, "-c", conf.toString(), "-e", d + "/error.log")
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return p;
      } catch (java.io.IOException notYet) {
        if (!p.isAlive()) {
          throw new AssertionError("nginx ended: " + Files.readString(dir.resolve("nginx.out")) + readIfExists("error.log"));
        }
        Thread.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new AssertionError("nginx did not listen: " + readIfExists("error.log"));
  }

  private String readIfExists(String name) throws java.io.IOException {
    Path f = dir.resolve(name);
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      store.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command) + "\n" + out).isTrue();
  }
}
