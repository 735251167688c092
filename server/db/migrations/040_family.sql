-- 查进度·家人: the owner of an application invites relatives to follow it (read-only, masked).
-- An invitation is a one-time code valid 24 hours; only its keyed hash is stored, so a copy of this
-- table lets nobody in. Accepting it makes the person a viewer; revoking sets revoked_at, and every
-- read checks it, so a revoked viewer loses access at once.
CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  -- What the owner calls the person invited (儿子, 女儿李娜), shown in the list of who follows.
  label text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_by uuid REFERENCES users (id) ON DELETE CASCADE,
  accepted_at timestamptz
);

CREATE INDEX invitations_application_id_idx ON invitations (application_id);

CREATE TABLE application_viewers (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  invitation_id uuid NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
  label text NOT NULL,
  accepted_at timestamptz NOT NULL,
  revoked_at timestamptz
);

-- One active viewing per person and application; a revoked person may be invited again.
CREATE UNIQUE INDEX application_viewers_one_active ON application_viewers (application_id, user_id) WHERE revoked_at IS NULL;
CREATE INDEX application_viewers_user_id_idx ON application_viewers (user_id) WHERE revoked_at IS NULL;

-- The township (street) office handling a claim, as the review system last named it: {name, phone}.
ALTER TABLE claims ADD COLUMN office jsonb;
