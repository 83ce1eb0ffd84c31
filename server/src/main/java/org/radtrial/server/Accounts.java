package org.radtrial.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts and sessions. Passwords are hashed with Argon2id by Spring Security Crypto (Bouncy
 * Castle underneath); session tokens are 256 random bits of which only the SHA-256 is stored.
 */
final class Accounts {
  /** The clinical roles a user signs with. */
  static final List<String> ROLES = List.of("radiologist", "nuclear_medicine_physician", "technologist", "clinician",
      "physicist", "data_scientist");
  static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
  private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A signed-in or stored user. */
  record User(long id, String username, String displayName, String role, boolean admin, boolean mustChangePassword) {}

  /** An open session: the user and the CSRF token every state-changing request must carry. */
  record Session(String tokenHash, User user, String csrfToken) {}

  /** A new session and the token for its cookie (only its hash is stored). */
  record SignIn(String token, Session session) {}

  private final Database db;
  private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private final String dummyHash;
  private final LoginThrottle throttle = new LoginThrottle(java.time.Clock.systemUTC());

  Accounts(Database db) {
    this.db = db;
    this.dummyHash = encoder.encode("no such user: compare anyway so timing does not tell");
  }

  /**
   * On the first start (no users yet) creates the account {@code admin} with a one-time password,
   * which must be changed at the first sign-in; returns the password to print, or empty.
   */
  Optional<String> createFirstAdmin() {
    if (db.count("SELECT COUNT(*) FROM users") > 0) {
      return Optional.empty();
    }
    String password = randomToken(15);
    create(null, "admin", "Administrator", "data_scientist", true, password);
    return Optional.of(password);
  }

  /** Creates an account with a one-time password that must be changed at the first sign-in. */
  User create(Long byUser, String username, String displayName, String role, boolean admin, String oneTimePassword) {
    if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}")) {
      throw HttpError.badRequest("username: 2 to 64 letters, digits, '.', '_' or '-'; was '"
          + Limits.clip(Limits.cleanName(username), Limits.USERNAME) + "'");
    }
    if (!ROLES.contains(role)) {
      throw HttpError.badRequest("role '" + Limits.clip(role, 40) + "' is not one of " + ROLES);
    }
    String cleaned = Limits.cleanName(displayName);
    String name = cleaned == null || cleaned.isEmpty() ? username : Limits.require("display_name", cleaned,
        Limits.DISPLAY_NAME);
    String hash = encoder.encode(oneTimePassword);
    long id;
    try {
      id = insertUser(byUser, username, name, role, admin, hash);
    } catch (IllegalStateException e) {
      if (Database.isUniqueViolation(e)) {
        throw new HttpError(409, "the username '" + username + "' is taken");
      }
      throw e;
    }
    return user(id).orElseThrow();
  }

  private long insertUser(Long byUser, String username, String name, String role, boolean admin, String hash) {
    return db.transaction(c -> {
      if (!Database.query(c, "SELECT id FROM users WHERE username = ?", rs -> rs.getLong(1), username).isEmpty()) {
        throw new HttpError(409, "the username '" + username + "' is taken");
      }
      long newId = Database.insert(c, "INSERT INTO users(username, display_name, role, is_admin, password_hash,"
          + " must_change_password, created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)", username, name, role, admin, hash, Database.now());
      Database.audit(c, byUser, "user.create", null, "created user " + username + " (" + role + (admin ? ", admin" : "") + ")");
      return newId;
    });
  }

  Optional<User> user(long id) {
    return db.query("SELECT * FROM users WHERE id = ?", Accounts::user, id).stream().findFirst();
  }

  Optional<User> userByName(String username) {
    return db.query("SELECT * FROM users WHERE username = ?", Accounts::user, username).stream().findFirst();
  }

  List<User> users() {
    return db.query("SELECT * FROM users ORDER BY username", Accounts::user);
  }

  /**
   * Checks the password (Argon2id); a wrong name costs the same time as a wrong password. Throttled
   * per address and per account ({@link LoginThrottle}: 429 before any hashing); the username of a
   * failed attempt is audited cleaned and cut to {@link Limits#AUDITED_USERNAME} characters.
   */
  Optional<SignIn> signIn(String username, String password, String address) {
    throttle.refusal(username, address).ifPresent(why -> {
      throw new HttpError(429, why);
    });
    boolean plausible = username != null && username.length() <= Limits.USERNAME && password != null
        && password.length() <= Limits.PASSWORD;
    List<String[]> rows = !plausible ? List.of() : db.query("SELECT id, password_hash FROM users WHERE username = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2)}, username);
    String hash = rows.isEmpty() ? dummyHash : rows.get(0)[1];
    boolean matches = plausible && encoder.matches(password, hash);
    if (rows.isEmpty() || !matches) {
      throttle.failed(username, address);
      String shown = Limits.clip(Limits.cleanName(username), Limits.AUDITED_USERNAME);
      db.transaction(c -> {
        Database.audit(c, null, "session.failed", null, "failed sign-in for username '" + shown + "' from " + address);
        return null;
      });
      return Optional.empty();
    }
    throttle.succeeded(username, address);
    long userId = Long.parseLong(rows.get(0)[0]);
    String token = randomToken(32);
    String csrf = randomToken(32);
    db.transaction(c -> {
      Database.update(c, "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
          sha256(token), userId, csrf, Database.now(), Timestamp.from(Instant.now().plus(SESSION_LIFETIME)));
      Database.audit(c, userId, "session.open", null, "signed in");
      return null;
    });
    return Optional.of(new SignIn(token, new Session(sha256(token), user(userId).orElseThrow(), csrf)));
  }

  /** The live session of a cookie's token, or empty when unknown or expired. */
  Optional<Session> session(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    String hash = sha256(token);
    return db.query("SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id"
        + " WHERE s.token_hash = ? AND s.expires_at > ?", rs -> new Session(hash, user(rs), rs.getString("csrf_token")),
        hash, Database.now()).stream().findFirst();
  }

  void signOut(Session session) {
    db.transaction(c -> {
      Database.update(c, "DELETE FROM sessions WHERE token_hash = ?", session.tokenHash());
      Database.audit(c, session.user().id(), "session.close", null, "signed out");
      return null;
    });
  }

  /** Replaces the password after checking the current one; ends the other sessions of the user. */
  void changePassword(Session session, String current, String replacement) {
    String hash = db.query("SELECT password_hash FROM users WHERE id = ?", rs -> rs.getString(1), session.user().id()).get(0);
    if (current == null || !encoder.matches(current, hash)) {
      throw new HttpError(403, "the current password is wrong");
    }
    String problem = PasswordPolicy.problem(replacement);
    if (problem != null) {
      throw HttpError.badRequest(problem);
    }
    if (replacement.equals(current)) {
      throw HttpError.badRequest("the new password must differ from the current one");
    }
    String newHash = encoder.encode(replacement);
    db.transaction(c -> {
      Database.update(c, "UPDATE users SET password_hash = ?, must_change_password = FALSE WHERE id = ?", newHash,
          session.user().id());
      Database.update(c, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", session.user().id(), session.tokenHash());
      Database.audit(c, session.user().id(), "user.password", null, "changed own password");
      return null;
    });
  }

  /** An administrator lifts a sign-in lock-out; audited. Returns whether the account was locked. */
  boolean unlock(User admin, String username) {
    boolean was = throttle.unlock(username);
    db.transaction(c -> {
      Database.audit(c, admin.id(), "user.unlock", null, "lifted the sign-in lock of " + Limits.clip(username,
          Limits.AUDITED_USERNAME) + (was ? "" : " (it was not locked)"));
      return null;
    });
    return was;
  }

  boolean locked(String username) {
    return throttle.locked(username);
  }

  static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("role"),
        rs.getBoolean("is_admin"), rs.getBoolean("must_change_password"));
  }

  static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two tokens. */
  static boolean sameToken(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
