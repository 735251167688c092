-- 查进度: events from the civil-affairs review system (POST /api/v1/case-events).
-- Each accepted event is kept with its answer, so the same event id sent again changes nothing and is
-- answered exactly as the first time; body_hash (SHA-256 of the signed bytes) tells a replay from
-- another body sent under the same id (refused). Events that were refused (409, 404, 400) are not kept:
-- the review system may send them again once the claim has reached the right status.
CREATE TABLE case_events (
  event_id text PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  body_hash text NOT NULL,
  response jsonb NOT NULL,
  received_at timestamptz NOT NULL
);

CREATE INDEX case_events_claim_id_idx ON case_events (claim_id);

-- What came with a status change: the documents or answers asked for and their due date (needs_info),
-- the reason (rejected, withdrawn, referred), the monthly amount and start month (approved).
ALTER TABLE claim_events ADD COLUMN details jsonb;

-- WeChat subscribe messages: the templates each person accepted (Taro.requestSubscribeMessage), and the
-- outbox of messages queued in the same transaction as each status change. A sender delivers them
-- afterwards (server/notifications/): a failed send is retried later and never undoes the change.
CREATE TABLE notification_subscriptions (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  template_id text NOT NULL,
  accepted_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, template_id)
);

CREATE TABLE notification_outbox (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  template_id text NOT NULL,
  claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  payload jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);

CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at) WHERE state = 'pending';
