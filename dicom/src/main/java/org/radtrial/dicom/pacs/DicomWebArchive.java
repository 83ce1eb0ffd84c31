package org.radtrial.dicom.pacs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * A DICOMweb archive: QIDO-RS to find studies and list their instances, WADO-RS to retrieve them
 * ({@code multipart/related; type="application/dicom"; transfer-syntax=*}, so the archive sends
 * each file as stored, without transcoding), STOW-RS to store. Every request has a deadline; a
 * response body that stops arriving for as long is cut off ({@link IdleGuard}).
 */
final class DicomWebArchive implements Archive {
  static final String DICOM_MULTIPART = "multipart/related; type=\"application/dicom\"";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final @Nullable Credentials credentials;
  private final Duration timeout;
  private final HttpClient http;
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "radtrial-dicomweb-watchdog");
    t.setDaemon(true);
    return t;
  });

  DicomWebArchive(ArchiveAddress.Web address, @Nullable Credentials credentials, Duration timeout) {
    this.base = address.base();
    this.credentials = credentials;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public List<String> findStudies(KeyKind kind, String value) {
    JsonNode answer = query("/studies?" + kind.keyword() + "=" + URLEncoder.encode(kind.check(value), StandardCharsets.UTF_8)
        + "&includefield=0020000D");
    List<String> studies = new ArrayList<>();
    for (JsonNode study : answer) {
      String uid = Uids.check(text(study, "0020000D"), "a StudyInstanceUID");
      if (!studies.contains(uid)) {
        studies.add(uid);
      }
    }
    return studies;
  }

  @Override
  public List<InstanceRef> instances(String studyUid) {
    JsonNode answer = query("/studies/" + studyUid + "/instances?includefield=0020000E&includefield=00080018&includefield=00080016");
    List<InstanceRef> instances = new ArrayList<>();
    for (JsonNode instance : answer) {
      instances.add(new InstanceRef(studyUid, text(instance, "0020000E"), text(instance, "00080018"), text(instance, "00080016")));
    }
    return instances;
  }

  @Override
  public void retrieve(String studyUid, List<InstanceRef> wanted, boolean whole, Landing landing) throws IOException {
    if (whole) {
      retrieveMultipart("/studies/" + studyUid, landing);
      return;
    }
    for (InstanceRef i : wanted) {
      retrieveMultipart("/studies/" + studyUid + "/series/" + i.seriesUid() + "/instances/" + i.sopUid(), landing);
    }
  }

  private void retrieveMultipart(String path, Landing landing) throws IOException {
    HttpRequest request = request(path).header("Accept", DICOM_MULTIPART + "; transfer-syntax=*").GET().build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), path);
    try (InputStream body = response.body(); IdleGuard guard = new IdleGuard(body, timeout, watchdog)) {
      if (response.statusCode() != 200) {
        throw new IOException(failure(response.statusCode(), path));
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      String boundary;
      try {
        boundary = MultipartReader.boundary(type);
      } catch (IllegalArgumentException e) {
        throw new IOException(base + path + ": " + e.getMessage());
      }
      new MultipartReader(guard, boundary).read((headers, part) -> landing.land(part));
    } catch (IOException e) {
      throw new IOException(base + path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  @Override
  public void store(Path file) throws IOException {
    String boundary = "radtrial-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
    HttpRequest request = request("/studies").header("Content-Type", DICOM_MULTIPART + "; boundary=" + boundary)
        .header("Accept", "application/dicom+json").POST(body).build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "/studies");
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new PacsException(failure(response.statusCode(), "/studies (STOW-RS)"));
    }
    if (response.statusCode() != 200) {
      throw new IOException(file.getFileName() + ": " + failure(response.statusCode(), "/studies (STOW-RS)"));
    }
    JsonNode answer = JSON.readTree(response.body());
    if (answer.has("00081198") && answer.get("00081198").has("Value") && answer.get("00081198").get("Value").size() > 0) {
      throw new IOException(file.getFileName() + ": the archive refused to store it (STOW-RS FailedSOPSequence)");
    }
  }

  private JsonNode query(String path) {
    HttpRequest request = request(path).header("Accept", "application/dicom+json").GET().build();
    HttpResponse<String> response;
    try {
      response = send(request, HttpResponse.BodyHandlers.ofString(), path);
    } catch (IOException e) {
      throw new PacsException(e.getMessage(), e);
    }
    if (response.statusCode() == 204 || response.statusCode() == 404 && response.body().isBlank()) {
      return JSON.createArrayNode();
    }
    if (response.statusCode() != 200) {
      throw new PacsException(failure(response.statusCode(), path));
    }
    try {
      JsonNode answer = response.body().isBlank() ? JSON.createArrayNode() : JSON.readTree(response.body());
      if (!answer.isArray()) {
        throw new PacsException("the archive at " + base + " answered the query " + path + " with JSON that is not an array");
      }
      return answer;
    } catch (IOException e) {
      throw new PacsException("the archive at " + base + " answered the query " + path + " with something that is not JSON", e);
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String path) throws IOException {
    try {
      return http.send(request, handler);
    } catch (HttpTimeoutException e) {
      throw new IOException("the archive at " + base + " did not answer " + path + " within " + timeout.toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw new PacsException("cannot connect to the archive at " + base + " (" + e.getClass().getSimpleName()
          + "): check the URL, that the archive is running and that a firewall lets this machine through", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while talking to " + base, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    if (credentials != null) {
      builder.header("Authorization", credentials.authorization());
    }
    return builder;
  }

  /** One line for an HTTP status: for 401 and 403 what to do about the credentials, never their value. */
  private String failure(int status, String path) {
    if (status == 401 || status == 403) {
      return credentials == null
          ? "the archive at " + base + " asks for credentials (HTTP " + status + "): give --credentials FILE or --credentials-env NAME"
          : "the archive at " + base + " refused the " + credentials + " (HTTP " + status + "): check the user name, password or token";
    }
    return "the archive at " + base + " answered HTTP " + status + " to " + path;
  }

  private static String text(JsonNode item, String tag) {
    JsonNode value = item.path(tag).path("Value").path(0);
    return value.isTextual() ? value.asText() : "";
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
