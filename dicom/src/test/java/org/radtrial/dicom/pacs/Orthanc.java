package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Orthanc (Debian's orthanc and orthanc-dicomweb, installed by .ci/run) for one test class:
 * HTTP and DICOM on free loopback ports, a temporary configuration and storage, one registered user,
 * and the DIMSE peers it may send to (C-MOVE destinations). Started before the class (waiting at most
 * 30 s for /system to answer), killed after it. Without /usr/sbin/Orthanc the tests are skipped with
 * a message saying what to install.
 */
public final class Orthanc implements BeforeAllCallback, AfterAllCallback {
  public static final Path BINARY = Path.of("/usr/sbin/Orthanc");
  public static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
  public static final String USER = "radtrial";
  public static final String PASSWORD = "s3cret-Orthanc-pw";
  public static final String AE = "ORTHANC";
  private final Map<String, Integer> modalities;
  private Path dir;
  private Process process;
  private int httpPort;
  private int dicomPort;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** @param modalities AE title to loopback port of the DIMSE peers Orthanc may send to */
  public Orthanc(Map<String, Integer> modalities) {
    this.modalities = modalities;
  }

  public Orthanc() {
    this(Map.of());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isRegularFile(DICOMWEB_PLUGIN),
        "Orthanc is not installed (apt-get install orthanc orthanc-dicomweb): the PACS tests are skipped");
    dir = Files.createTempDirectory("radtrial-orthanc");
    httpPort = freePort();
    dicomPort = freePort();
    String peers = modalities.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": [\"" + e.getKey() + "\", \"127.0.0.1\", " + e.getValue() + "]").collect(Collectors.joining(", "));
    String config = """
        {
          "Name": "radtrial-test", "HttpPort": %d, "DicomPort": %d, "DicomAet": "%s",
          "RemoteAccessAllowed": false, "StorageDirectory": "%s", "IndexDirectory": "%s",
          "Plugins": ["%s"], "AuthenticationEnabled": true, "RegisteredUsers": {"%s": "%s"},
          "DicomModalities": {%s}, "DicomCheckCalledAet": true, "DicomAlwaysAllowEcho": true,
          "DicomAlwaysAllowFind": true, "DicomAlwaysAllowGet": true, "DicomAlwaysAllowStore": true, "DicomAlwaysAllowMove": true,
          "DicomWeb": {"Enable": true, "Root": "/dicom-web/"}, "HttpTimeout": 10, "KeepAlive": true, "KeepAliveTimeout": 60, "DicomScuTimeout": 10, "DicomAssociationCloseDelay": 0
        }
        """.formatted(httpPort, dicomPort, AE, dir.resolve("storage"), dir.resolve("storage"), DICOMWEB_PLUGIN, USER, PASSWORD, peers);
    Path file = dir.resolve("orthanc.json");
    Files.writeString(file, config);
    process = new ProcessBuilder(BINARY.toString(), file.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("orthanc.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (get("/system").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String log = Files.readString(dir.resolve("orthanc.log"));
        afterAll(context);
        throw new IllegalStateException("Orthanc did not start within 30 s:\n" + log);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
    if (dir != null) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  public URI dicomWeb() {
    return URI.create("http://127.0.0.1:" + httpPort + "/dicom-web");
  }

  public int httpPort() {
    return httpPort;
  }

  public int dicomPort() {
    return dicomPort;
  }

  /** Stores files as they are (POST /instances: Orthanc keeps the bytes it received). */
  public void store(List<Path> files) throws IOException, InterruptedException {
    for (Path f : files) {
      HttpResponse<String> r = http.send(authorized("/instances").POST(HttpRequest.BodyPublishers.ofFile(f)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("Orthanc refused " + f + ": HTTP " + r.statusCode() + " " + r.body());
      }
    }
  }

  /** Removes everything stored. */
  public void clear() throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(authorized("/patients").GET().build(), HttpResponse.BodyHandlers.ofString());
    for (String id : r.body().replaceAll("[\\[\\]\"\\s]", "").split(",")) {
      if (!id.isEmpty()) {
        http.send(authorized("/patients/" + id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A credentials file (owner-only, as docs/dicom.md asks) for the registered user (or a wrong password). */
  public static Path credentialsFile(Path dir, String password) throws IOException {
    Path file = dir.resolve("pacs-credentials");
    Files.writeString(file, "basic " + USER + ":" + password + "\n");
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
