-- 一次申请: drafts, uploaded documents, applications with one claim per benefit, their timelines and consents.
-- Personal data: ID numbers, phone numbers, street addresses and drafts are stored sealed (AES-256-GCM,
-- see server/crypto.ts) and ID numbers also as a keyed hash (HMAC) for look-ups; never in plain text.

-- The draft a person is filling in: one per person, replaced as they go (last write wins by updated_at).
-- The payload is the app's form state as JSON, ID numbers and all, so it is stored sealed as a whole.
CREATE TABLE drafts (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  payload_sealed text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Uploaded document files. The bytes live in the upload storage (DATA_DIR/uploads, or an object store)
-- under storage_key; content_type was decided from the file's first bytes, not from its name.
CREATE TABLE uploads (
  id uuid PRIMARY KEY,
  owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

CREATE INDEX uploads_owner_id_idx ON uploads (owner_id);

-- One submission. (owner_id, idempotency_key) is unique: a retried or concurrent duplicate submission
-- finds the first one and is answered with its stored response (response_status, response_sealed:
-- the JSON answer, sealed because it shows the owner their address). request_hash is the SHA-256 of
-- the request's canonical JSON, to tell a retry from another body sent with the same key.
-- details holds the non-identifying answers: income, assets, the benefits' order, the screener's answers.
CREATE TABLE applications (
  id uuid PRIMARY KEY,
  owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  response_status integer NOT NULL,
  response_sealed text NOT NULL,
  details jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT applications_owner_idempotency_key UNIQUE (owner_id, idempotency_key)
);

CREATE INDEX applications_owner_created_idx ON applications (owner_id, created_at DESC);

-- The people named in an application: the beneficiary (position 0), the other household members
-- (positions 1…, in the order given) and, when a relative applies for them, the applicant.
CREATE TABLE application_people (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('beneficiary', 'member', 'applicant')),
  position integer NOT NULL,
  name text NOT NULL,
  -- To the beneficiary: what this member (or the applicant) is to them; null for the beneficiary.
  relation text,
  id_number_sealed text,
  id_number_hash text,
  phone_sealed text,
  city_code text,
  county_code text,
  township text,
  address_detail_sealed text,
  CONSTRAINT application_people_position UNIQUE (application_id, role, position)
);

CREATE INDEX application_people_id_number_hash_idx ON application_people (id_number_hash);

-- One claim per benefit asked for. Its status follows shared/API.md; claim_events is its timeline.
-- beneficiary_id_hash is the beneficiary's ID number hash, so that a second open claim for the same
-- person and benefit is refused: the partial unique index below enforces it even under concurrent
-- submissions. The closed statuses match CLOSED_CLAIM_STATUSES in src/domain/application/claims.ts.
CREATE TABLE claims (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  benefit text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'verifying', 'needs_info', 'public_notice', 'approved', 'rejected', 'paying', 'withdrawn', 'referred')),
  beneficiary_id_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT claims_application_benefit UNIQUE (application_id, benefit)
);

CREATE UNIQUE INDEX claims_one_open_per_beneficiary_benefit ON claims (beneficiary_id_hash, benefit)
  WHERE status NOT IN ('rejected', 'withdrawn', 'referred');

-- Every status a claim has had, with a plain-language note; the first (seq 1) is 'submitted'.
-- seq numbers a claim's entries 1, 2, 3 … (the timeline's order, whatever the clock says).
-- actor: who made the change ('applicant', 'review_system' …); source_event_id: the review system's
-- event id when it came from there (unique, so a replayed event is recognised).
CREATE TABLE claim_events (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  status text NOT NULL,
  note text NOT NULL,
  actor text NOT NULL,
  source_event_id text UNIQUE,
  at timestamptz NOT NULL,
  CONSTRAINT claim_events_claim_seq UNIQUE (claim_id, seq)
);

-- The files sent for each checklist item. An upload can serve several applications and items;
-- reviewers of an application may read the uploads listed here.
CREATE TABLE application_documents (
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  document_id text NOT NULL,
  position integer NOT NULL,
  upload_id uuid NOT NULL REFERENCES uploads (id),
  PRIMARY KEY (application_id, document_id, position)
);

CREATE INDEX application_documents_upload_id_idx ON application_documents (upload_id);

-- The texts agreed to when submitting, by version.
CREATE TABLE application_consents (
  application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
  privacy_version text NOT NULL,
  sensitive_info_version text NOT NULL,
  consented_at timestamptz NOT NULL
);

-- 家庭经济状况核对授权: each adult of the household confirms it for themselves.
CREATE TABLE economic_check_confirmations (
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES application_people (id) ON DELETE CASCADE,
  confirmed_at timestamptz NOT NULL,
  PRIMARY KEY (application_id, person_id)
);

-- Submitting, in the database: the checks that decide the answer, and the writes when they are clear.
-- A call is one statement (one transaction, one round trip) and its plans are kept between calls.
-- Concurrent submissions are settled by the unique constraints above: the call that loses fails as a
-- whole, and server/applications/submit.ts runs the checks again once the winner has committed.

-- What decides a submission: an earlier application with this Idempotency-Key (its request hash and
-- sealed answer), which of the named uploads are the submitter's own, and the beneficiary's open claims
-- for the benefits asked for (closed statuses given by the caller: CLOSED_CLAIM_STATUSES).
CREATE FUNCTION submission_checks(
  p_owner_id uuid, p_idempotency_key text, p_upload_ids uuid[], p_beneficiary_id_hash text, p_benefits text[], p_closed_statuses text[]
) RETURNS TABLE (earlier_hash text, earlier_response text, own_uploads json, open_claims json)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY SELECT
    (SELECT a.request_hash FROM applications a WHERE a.owner_id = p_owner_id AND a.idempotency_key = p_idempotency_key),
    (SELECT a.response_sealed FROM applications a WHERE a.owner_id = p_owner_id AND a.idempotency_key = p_idempotency_key),
    COALESCE((SELECT json_agg(u.id) FROM uploads u WHERE u.owner_id = p_owner_id AND u.id = ANY (p_upload_ids)), '[]'::json),
    COALESCE((
      SELECT json_agg(json_build_object('benefit', c.benefit, 'application_id', c.application_id, 'owner_id', a.owner_id) ORDER BY c.created_at)
      FROM claims c JOIN applications a ON a.id = c.application_id
      WHERE c.beneficiary_id_hash = p_beneficiary_id_hash AND c.benefit = ANY (p_benefits) AND NOT (c.status = ANY (p_closed_statuses))
    ), '[]'::json);
END
$$;

-- The checks, then, only when there is no earlier application with the key, every named upload is the
-- submitter's and no claim is open, the application and its rows. Each child table's rows come as one
-- JSON array; the columns are listed once here and once in server/applications/statements.ts.
CREATE FUNCTION submit_application(
  p_owner_id uuid, p_idempotency_key text, p_upload_ids uuid[], p_beneficiary_id_hash text, p_benefits text[], p_closed_statuses text[],
  p_id uuid, p_request_hash text, p_response_status integer, p_response_sealed text, p_details jsonb, p_created_at timestamptz,
  p_people jsonb, p_claims jsonb, p_claim_events jsonb, p_documents jsonb, p_consents jsonb, p_confirmations jsonb
) RETURNS TABLE (earlier_hash text, earlier_response text, own_uploads json, open_claims json, inserted boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  checks record;
BEGIN
  SELECT * INTO checks FROM submission_checks(p_owner_id, p_idempotency_key, p_upload_ids, p_beneficiary_id_hash, p_benefits, p_closed_statuses);
  IF checks.earlier_hash IS NOT NULL
     OR json_array_length(checks.own_uploads) <> COALESCE(array_length(p_upload_ids, 1), 0)
     OR json_array_length(checks.open_claims) > 0 THEN
    RETURN QUERY SELECT checks.earlier_hash, checks.earlier_response, checks.own_uploads, checks.open_claims, false;
    RETURN;
  END IF;

  INSERT INTO applications (id, owner_id, idempotency_key, request_hash, response_status, response_sealed, details, created_at)
  VALUES (p_id, p_owner_id, p_idempotency_key, p_request_hash, p_response_status, p_response_sealed, p_details, p_created_at);
  INSERT INTO application_people (id, application_id, role, position, name, relation, id_number_sealed, id_number_hash, phone_sealed, city_code, county_code, township, address_detail_sealed)
  SELECT r.id, p_id, r.role, r.position, r.name, r.relation, r.id_number_sealed, r.id_number_hash, r.phone_sealed, r.city_code, r.county_code, r.township, r.address_detail_sealed
  FROM jsonb_to_recordset(p_people) AS r(id uuid, role text, position integer, name text, relation text, id_number_sealed text, id_number_hash text, phone_sealed text, city_code text, county_code text, township text, address_detail_sealed text);
  INSERT INTO claims (id, application_id, benefit, status, beneficiary_id_hash, created_at, updated_at)
  SELECT r.id, p_id, r.benefit, r.status, p_beneficiary_id_hash, p_created_at, p_created_at
  FROM jsonb_to_recordset(p_claims) AS r(id uuid, benefit text, status text);
  INSERT INTO claim_events (id, claim_id, seq, status, note, actor, at)
  SELECT r.id, r.claim_id, r.seq, r.status, r.note, r.actor, r.at
  FROM jsonb_to_recordset(p_claim_events) AS r(id uuid, claim_id uuid, seq integer, status text, note text, actor text, at timestamptz);
  INSERT INTO application_documents (application_id, document_id, position, upload_id)
  SELECT p_id, r.document_id, r.position, r.upload_id
  FROM jsonb_to_recordset(p_documents) AS r(document_id text, position integer, upload_id uuid);
  INSERT INTO application_consents (application_id, privacy_version, sensitive_info_version, consented_at)
  SELECT p_id, r.privacy_version, r.sensitive_info_version, p_created_at
  FROM jsonb_to_record(p_consents) AS r(privacy_version text, sensitive_info_version text);
  INSERT INTO economic_check_confirmations (application_id, person_id, confirmed_at)
  SELECT p_id, r.person_id, r.confirmed_at
  FROM jsonb_to_recordset(p_confirmations) AS r(person_id uuid, confirmed_at timestamptz);

  RETURN QUERY SELECT NULL::text, NULL::text, checks.own_uploads, checks.open_claims, true;
END
$$;
