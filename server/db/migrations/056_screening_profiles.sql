-- 主动提醒: a household saved from the screener with the person's consent, re-checked every day (server/households).
-- Everything about the household is sealed (AES-256-GCM, server/crypto.ts): the answers with the members' birth
-- months, and the tiers found at the last check, which the next check compares with.
CREATE TABLE screening_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  household_sealed text NOT NULL,
  notify boolean NOT NULL,
  consent_version text NOT NULL,
  updated_at timestamptz NOT NULL,
  last_check_sealed text NOT NULL,
  -- The Shanxi date of the last daily check (or of saving): a check already made that day is not made again.
  last_checked_on date NOT NULL
);

CREATE INDEX screening_profiles_due_idx ON screening_profiles (last_checked_on) WHERE notify;

-- "You may now qualify": one row per benefit that became possible on a day. Deleting the profile deletes them.
CREATE TABLE screening_alerts (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES screening_profiles (user_id) ON DELETE CASCADE,
  benefit text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('likely', 'maybe')),
  -- The criteria newly met, in the rules' words (sealed: they tell about the household).
  reasons_sealed text NOT NULL,
  found_on date NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, benefit, found_on)
);

CREATE INDEX screening_alerts_user_idx ON screening_alerts (user_id, found_on DESC);

-- The outbox carries alerts too: a message is about a claim or about an alert, never both.
ALTER TABLE notification_outbox ALTER COLUMN claim_id DROP NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN alert_id uuid REFERENCES screening_alerts (id) ON DELETE CASCADE;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_subject CHECK ((claim_id IS NULL) <> (alert_id IS NULL));
