package org.radtrial.dicom.pacs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an archive is: a DICOMweb base URL ({@code https://host/dicom-web}) or a DIMSE application
 * entity ({@code AE@host:port}). A URL with a user name or password in it is refused, so that a
 * secret never reaches the command line, the process list or a log.
 */
public sealed interface ArchiveAddress {
  /** A DICOMweb service root; QIDO-RS, WADO-RS and STOW-RS paths are appended to it. */
  record Web(URI base) implements ArchiveAddress {
    @Override
    public String toString() {
      return base.toString();
    }
  }

  /** A DIMSE peer: its called AE title, host and port. */
  record Dimse(String aeTitle, String host, int port) implements ArchiveAddress {
    public Dimse {
      AeTitles.check(aeTitle, "the archive's AE title");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " of " + aeTitle + "@" + host + " is not between 1 and 65535");
      }
    }

    @Override
    public String toString() {
      return aeTitle + "@" + host + ":" + port;
    }
  }

  /** Parses {@code http(s)://...} or {@code AE@host:port}; anything else is an IllegalArgumentException saying which forms are allowed. */
  static ArchiveAddress parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      URI uri;
      try {
        uri = new URI(text);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + e.getReason());
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("the archive URL holds a user name or password: remove it and put the credentials in a file"
            + " (--credentials FILE) or the environment (--credentials-env NAME), never on the command line");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("the archive URL '" + text + "' has no host");
      }
      String s = uri.toString();
      return new Web(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
    }
    Matcher m = Pattern.compile("([^@]+)@([^:@]+):(\\d{1,5})").matcher(text);
    if (m.matches()) {
      return new Dimse(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
    }
    throw new IllegalArgumentException("'" + text + "' is neither a DICOMweb URL (http://host:8042/dicom-web) nor a DIMSE address"
        + " (AE_TITLE@host:port, e.g. PACS@pacs.example.org:104)");
  }
}
