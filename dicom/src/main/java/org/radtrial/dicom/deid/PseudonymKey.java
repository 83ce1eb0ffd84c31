package org.radtrial.dicom.deid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that makes replacements consistent: the same key maps the same UID to the same new UID
 * and the same patient to the same pseudonym and date shift, in every run; without the key the
 * originals cannot be recovered or re-derived. HMAC-SHA256 throughout.
 */
public final class PseudonymKey {
  /** Dates move back by 1 to this many days, per patient. */
  static final int MAX_SHIFT_DAYS = 3652;
  private final byte[] secret;

  private PseudonymKey(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the key must be at least 16 bytes");
    }
    this.secret = secret.clone();
  }

  public static PseudonymKey of(byte[] secret) {
    return new PseudonymKey(secret);
  }

  /**
   * Reads the key file (hex), or creates it with 32 random bytes if it does not exist, owner-only
   * (rw-------) like the pseudonym mapping.
   *
   * @return the key, whether it was created now, and a warning if an existing key file can be read by others
   */
  public static Loaded loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
        PseudonymKey key;
        try {
          key = new PseudonymKey(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": not a radtrial key (hexadecimal, at least 32 digits)");
        }
        return new Loaded(key, false, OwnerOnly.warnings(file, "secret key"));
      }
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      OwnerOnly.create(file, HexFormat.of().formatHex(secret) + "\n");
      return new Loaded(new PseudonymKey(secret), true, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key file " + file, e);
    }
  }

  /** A key, whether it was just created, and warnings about its file (e.g. readable by others). */
  public record Loaded(PseudonymKey key, boolean created, List<String> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  private byte[] mac(String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal((purpose + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The replacement of a UID: 2.25 followed by 128 bits of the keyed hash, as PS3.5 B.2 allows. */
  public String uid(String original) {
    byte[] h = mac("uid", original);
    byte[] first = new byte[16];
    System.arraycopy(h, 0, first, 0, 16);
    return "2.25." + new BigInteger(1, first);
  }

  /** The pseudonym of a patient: RT followed by 16 hexadecimal digits. */
  public String patient(String issuerAndId) {
    byte[] h = mac("patient", issuerAndId);
    return "RT" + HexFormat.of().formatHex(h, 0, 8).toUpperCase(Locale.ROOT);
  }

  /** Days to move a patient's dates back by: 1 to 3652, the same for every file of the patient. */
  public int dateShiftDays(String issuerAndId) {
    byte[] h = mac("dates", issuerAndId);
    long v = new BigInteger(1, java.util.Arrays.copyOf(h, 8)).longValue() & Long.MAX_VALUE;
    return 1 + (int) (v % MAX_SHIFT_DAYS);
  }

  /** Whether a text is a pseudonym of the form {@link #patient} makes. */
  public static boolean isPseudonym(String text) {
    return text.matches("RT[0-9A-F]{16}");
  }
}
