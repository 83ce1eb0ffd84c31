package org.radtrial.server;

import java.util.List;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Runs.Run;

/** Comments and decisions on a run, a model, a subgroup or a slice, signed with the author's clinical role. */
final class Discussion {
  static final List<String> TARGETS = List.of("run", "model", "subgroup", "slice");

  record Comment(long id, long runId, String targetType, String target, String body, boolean decision, String author,
      String authorName, String authorRole, String createdAt) {}

  private final Database db;

  Discussion(Database db) {
    this.db = db;
  }

  Comment add(User by, Run run, String targetType, String rawTarget, String rawBody, boolean decision) {
    String target = Limits.cleanName(rawTarget);
    String body = Limits.cleanText(rawBody);
    String type = targetType == null || targetType.isBlank() ? "run" : targetType.trim();
    if (!TARGETS.contains(type)) {
      throw HttpError.badRequest("target_type '" + type + "' is not one of " + TARGETS);
    }
    String what = target == null || target.isBlank() ? (type.equals("run") ? "run " + run.id() : null) : target.trim();
    if (what == null) {
      throw HttpError.badRequest("name the " + type + " the comment is about (target)");
    }
    if (what.length() > Limits.TARGET) {
      throw HttpError.badRequest("target: at most " + Limits.TARGET + " characters, got " + what.length());
    }
    if (body == null || body.isBlank() || body.length() > Limits.COMMENT) {
      throw HttpError.badRequest("a comment needs a text of 1 to " + Limits.COMMENT + " characters, got "
          + (body == null ? 0 : body.length()));
    }
    long id = db.transaction(c -> {
      long commentId = Database.insert(c, "INSERT INTO comments(run_id, target_type, target, body, is_decision, author_id,"
          + " author_role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run.id(), type, what, body.trim(), decision, by.id(),
          by.role(), Database.now());
      Database.audit(c, by.id(), decision ? "decision.add" : "comment.add", run.studyId(),
          (decision ? "decision " : "comment ") + commentId + " on run " + run.id() + ", " + type + " '" + what + "'");
      return commentId;
    });
    return db.query(SELECT + " WHERE c.id = ?", Discussion::comment, id).get(0);
  }

  List<Comment> of(Run run) {
    return db.query(SELECT + " WHERE c.run_id = ? ORDER BY c.id", Discussion::comment, run.id());
  }

  /** Every decision of a study, newest first. */
  List<Comment> decisions(long studyId) {
    return db.query(SELECT + " JOIN runs r ON r.id = c.run_id WHERE r.study_id = ? AND c.is_decision ORDER BY c.id DESC",
        Discussion::comment, studyId);
  }

  private static final String SELECT = "SELECT c.id, c.run_id, c.target_type, c.target, c.body, c.is_decision, u.username,"
      + " u.display_name, c.author_role, c.created_at FROM comments c JOIN users u ON u.id = c.author_id";

  private static Comment comment(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Comment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant().toString());
  }
}
