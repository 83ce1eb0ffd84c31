-- The workspace's schema, for SQLite and PostgreSQL alike: ${id} and ${time} are the engine's
-- never-reused auto-increment key and its timestamp type (Database.Engine).
CREATE TABLE users(id ${id}, username VARCHAR(64) NOT NULL UNIQUE,
  display_name VARCHAR(200) NOT NULL, role VARCHAR(40) NOT NULL, is_admin BOOLEAN NOT NULL,
  password_hash VARCHAR(400) NOT NULL, must_change_password BOOLEAN NOT NULL, created_at ${time} NOT NULL);
CREATE TABLE sessions(token_hash VARCHAR(64) PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token VARCHAR(64) NOT NULL, created_at ${time} NOT NULL, expires_at ${time} NOT NULL);
CREATE TABLE studies(id ${id}, name VARCHAR(200) NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id), created_at ${time} NOT NULL);
CREATE TABLE memberships(study_id BIGINT NOT NULL REFERENCES studies(id),
  user_id BIGINT NOT NULL REFERENCES users(id), PRIMARY KEY(study_id, user_id));
CREATE TABLE datasets(id ${id}, study_id BIGINT NOT NULL REFERENCES studies(id),
  filename VARCHAR(200) NOT NULL, stored_as VARCHAR(200) NOT NULL, sha256 VARCHAR(64) NOT NULL, bytes BIGINT NOT NULL,
  cases INT NOT NULL, positives INT NOT NULL, spec TEXT NOT NULL, uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at ${time} NOT NULL);
CREATE TABLE runs(id ${id}, study_id BIGINT NOT NULL REFERENCES studies(id),
  dataset_id BIGINT NOT NULL REFERENCES datasets(id), kind VARCHAR(20) NOT NULL, parameters TEXT NOT NULL,
  input_sha256 VARCHAR(64) NOT NULL, status VARCHAR(20) NOT NULL, message TEXT, results TEXT, attempts INT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id), created_at ${time} NOT NULL, started_at ${time},
  finished_at ${time});
CREATE INDEX runs_by_study ON runs(study_id, status);
CREATE TABLE comments(id ${id}, run_id BIGINT NOT NULL REFERENCES runs(id),
  target_type VARCHAR(20) NOT NULL, target VARCHAR(300) NOT NULL, body TEXT NOT NULL, is_decision BOOLEAN NOT NULL,
  author_id BIGINT NOT NULL REFERENCES users(id), author_role VARCHAR(40) NOT NULL, created_at ${time} NOT NULL);
CREATE INDEX comments_by_run ON comments(run_id);
CREATE TABLE audit_log(id ${id}, at ${time} NOT NULL, user_id BIGINT,
  action VARCHAR(60) NOT NULL, study_id BIGINT, detail TEXT NOT NULL);
