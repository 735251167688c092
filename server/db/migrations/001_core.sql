-- People who have signed in, and their sessions.
-- The WeChat openid is personal data: it is stored encrypted (AES-256-GCM, read back only to send
-- subscribe messages) and found by its keyed hash (HMAC-SHA256), never in plain text.

CREATE TABLE users (
  id uuid PRIMARY KEY,
  openid_hash text NOT NULL UNIQUE,
  openid_sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz NOT NULL
);

-- Only the SHA-256 of a session token is stored: a copy of this table signs nobody in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
