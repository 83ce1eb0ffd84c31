package org.radtrial.server;

import java.util.List;
import java.util.Optional;
import org.radtrial.server.Accounts.User;

/** Studies and who belongs to them. A study is visible only to its members. */
final class Studies {
  record Study(long id, String name, long createdBy, String createdAt) {}

  record Dataset(long id, long studyId, String filename, String storedAs, String sha256, long bytes, int cases, int positives,
      DatasetSpec spec, String uploadedBy, String uploadedAt) {}

  static final int MISSES_PER_HOUR = 10;
  private final Database db;
  private final Accounts accounts;
  private final Misses misses = new Misses();

  /** Member additions that named no account, per user, over the last hour. */
  private static final class Misses {
    private final java.util.Map<Long, java.util.ArrayDeque<java.time.Instant>> byUser = new java.util.HashMap<>();

    synchronized boolean tooMany(long userId) {
      java.util.ArrayDeque<java.time.Instant> d = byUser.get(userId);
      if (d == null) {
        return false;
      }
      java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
      while (!d.isEmpty() && d.peekFirst().isBefore(hourAgo)) {
        d.removeFirst();
      }
      return d.size() >= MISSES_PER_HOUR;
    }

    synchronized void add(long userId) {
      byUser.computeIfAbsent(userId, k -> new java.util.ArrayDeque<>()).addLast(java.time.Instant.now());
    }
  }

  Studies(Database db, Accounts accounts) {
    this.db = db;
    this.accounts = accounts;
  }

  Study create(User by, String rawName) {
    String name = Limits.cleanName(rawName);
    if (name == null || name.isEmpty() || name.length() > Limits.STUDY_NAME) {
      throw HttpError.badRequest("a study needs a name of 1 to " + Limits.STUDY_NAME + " characters (control and"
          + " direction-override characters are removed); got " + (name == null ? 0 : name.length()));
    }
    long id = db.transaction(c -> {
      long studyId = Database.insert(c, "INSERT INTO studies(name, created_by, created_at) VALUES (?, ?, ?)", name,
          by.id(), Database.now());
      Database.update(c, "INSERT INTO memberships(study_id, user_id) VALUES (?, ?)", studyId, by.id());
      Database.audit(c, by.id(), "study.create", studyId, "created study '" + name + "'");
      return studyId;
    });
    return find(id).orElseThrow();
  }

  /** The study if the user is a member; a non-member is told it does not exist (404), as for a missing one. */
  Study require(User user, long studyId) {
    if (db.count("SELECT COUNT(*) FROM memberships WHERE study_id = ? AND user_id = ?", studyId, user.id()) == 0) {
      throw HttpError.notFound();
    }
    return find(studyId).orElseThrow(HttpError::notFound);
  }

  List<Study> of(User user) {
    return db.query("SELECT s.* FROM studies s JOIN memberships m ON m.study_id = s.id WHERE m.user_id = ? ORDER BY s.id",
        Studies::study, user.id());
  }

  List<User> members(long studyId) {
    return db.query("SELECT u.* FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.study_id = ? ORDER BY u.username",
        Accounts::user, studyId);
  }

  /**
   * Adds a member by exact username. A name that matches no account costs the caller one of
   * {@link #MISSES_PER_HOUR} misses an hour and is audited, so probing which usernames exist is
   * slow and seen by the administrators; the answer never says more than "no account can be
   * added under that name".
   */
  void addMember(User by, Study study, String rawUsername) {
    String username = Limits.require("username", rawUsername, Limits.USERNAME);
    if (misses.tooMany(by.id())) {
      throw new HttpError(429, "too many member additions that named no account in the last hour; ask the person for"
          + " their exact username");
    }
    Optional<User> found = username == null ? Optional.empty() : accounts.userByName(username);
    if (found.isEmpty()) {
      misses.add(by.id());
      db.transaction(c -> {
        Database.audit(c, by.id(), "study.member.miss", study.id(), "tried to add '" + Limits.cleanName(username)
            + "', which names no account");
        return null;
      });
      throw HttpError.badRequest("no account can be added under the name '" + Limits.cleanName(username)
          + "'; check the exact username with its owner");
    }
    User user = found.get();
    db.transaction(c -> {
      if (!Database.query(c, "SELECT 1 FROM memberships WHERE study_id = ? AND user_id = ?", rs -> 1, study.id(), user.id())
          .isEmpty()) {
        throw new HttpError(409, user.username() + " is already a member");
      }
      Database.update(c, "INSERT INTO memberships(study_id, user_id) VALUES (?, ?)", study.id(), user.id());
      Database.audit(c, by.id(), "study.member.add", study.id(), "added " + user.username() + " to '" + study.name() + "'");
      return null;
    });
  }

  List<Dataset> datasets(long studyId) {
    return db.query("SELECT d.*, u.username FROM datasets d JOIN users u ON u.id = d.uploaded_by WHERE d.study_id = ?"
        + " ORDER BY d.id", Studies::dataset, studyId);
  }

  Dataset dataset(Study study, long datasetId) {
    return db.query("SELECT d.*, u.username FROM datasets d JOIN users u ON u.id = d.uploaded_by WHERE d.id = ?"
        + " AND d.study_id = ?", Studies::dataset, datasetId, study.id()).stream().findFirst()
        .orElseThrow(() -> HttpError.badRequest("study " + study.id() + " has no dataset " + datasetId));
  }

  Optional<Study> find(long id) {
    return db.query("SELECT * FROM studies WHERE id = ?", Studies::study, id).stream().findFirst();
  }

  private static Study study(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Study(rs.getLong("id"), rs.getString("name"), rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant().toString());
  }

  private static Dataset dataset(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Dataset(rs.getLong("id"), rs.getLong("study_id"), rs.getString("filename"), rs.getString("stored_as"),
        rs.getString("sha256"), rs.getLong("bytes"), rs.getInt("cases"), rs.getInt("positives"),
        Json.read(rs.getString("spec"), DatasetSpec.class), rs.getString("username"),
        rs.getTimestamp("uploaded_at").toInstant().toString());
  }
}
