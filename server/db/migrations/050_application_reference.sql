-- 申请编号: a short reference a person can read out on the phone, `JX` + the Shanxi date of submission
-- (YYYYMMDD) + `-` + 4 characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ (src/domain/application/reference.ts).
-- New applications get theirs from the server at submission; existing ones get one here.
ALTER TABLE applications ADD COLUMN reference text;

DO $$
DECLARE
  alphabet constant text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  application record;
  candidate text;
BEGIN
  FOR application IN SELECT id, created_at FROM applications ORDER BY created_at, id LOOP
    LOOP
      candidate := 'JX' || to_char((application.created_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYYMMDD') || '-';
      FOR i IN 1..4 LOOP
        candidate := candidate || substr(alphabet, 1 + floor(random() * 32)::int, 1);
      END LOOP;
      EXIT WHEN NOT EXISTS (SELECT 1 FROM applications WHERE reference = candidate);
    END LOOP;
    UPDATE applications SET reference = candidate WHERE id = application.id;
  END LOOP;
END
$$;

ALTER TABLE applications ALTER COLUMN reference SET NOT NULL;
ALTER TABLE applications ADD CONSTRAINT applications_reference UNIQUE (reference);

-- Submitting (migration 020) now writes the reference too: the same function with p_reference added.
DROP FUNCTION submit_application(uuid, text, uuid[], text, text[], text[], uuid, text, integer, text, jsonb, timestamptz, jsonb, jsonb, jsonb, jsonb, jsonb, jsonb);

CREATE FUNCTION submit_application(
  p_owner_id uuid, p_idempotency_key text, p_upload_ids uuid[], p_beneficiary_id_hash text, p_benefits text[], p_closed_statuses text[],
  p_id uuid, p_request_hash text, p_response_status integer, p_response_sealed text, p_details jsonb, p_created_at timestamptz,
  p_people jsonb, p_claims jsonb, p_claim_events jsonb, p_documents jsonb, p_consents jsonb, p_confirmations jsonb, p_reference text
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

  INSERT INTO applications (id, owner_id, idempotency_key, request_hash, response_status, response_sealed, details, created_at, reference)
  VALUES (p_id, p_owner_id, p_idempotency_key, p_request_hash, p_response_status, p_response_sealed, p_details, p_created_at, p_reference);
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

-- Status messages name the application by its reference: messages still waiting to be sent get it too.
UPDATE notification_outbox o SET payload = o.payload || jsonb_build_object('reference', a.reference)
FROM claims c JOIN applications a ON a.id = c.application_id
WHERE c.id = o.claim_id;
