-- The table of JdbcIdempotencyStore (worlds-api-idempotency-jdbc), PostgreSQL dialect.
-- Run it from your migrations, or let JdbcIdempotencyStore.createTableIfMissing() run it.
-- Another table name: JdbcIdempotencyStore.builder(...).table("..."), which replaces
-- worlds_idempotency_keys below.
CREATE TABLE IF NOT EXISTS worlds_idempotency_keys (
  -- SHA-256 (hex) of the caller's id and the Idempotency-Key: neither is stored as sent.
  key_hash    varchar(64)  PRIMARY KEY,
  -- SHA-256 (hex) of the request's method, path and body: the same key with another request is refused.
  fingerprint varchar(64)  NOT NULL,
  -- Which claim of the key this row is; only that claim may complete or release it.
  claim_id    varchar(36)  NOT NULL,
  claimed_at  timestamptz  NOT NULL,
  -- After this the key is forgotten: a request with it runs again.
  expires_at  timestamptz  NOT NULL,
  -- NULL while the first request runs (others get 409); then its status and JSON answer.
  status      integer,
  response    text
);
CREATE INDEX IF NOT EXISTS worlds_idempotency_keys_expires_at ON worlds_idempotency_keys (expires_at);
