-- Care facilities (找服务): elderly canteens, day-care centres and care institutions.
-- `data` is the whole validated Facility (src/domain/care/facility.ts) as jsonb; the columns beside it
-- are copies of its fields for SQL to filter and report on. The server answers searches from an
-- in-memory index built from this table, not from SQL.

-- Every change takes the next value of this sequence, so one number, the table's revision, tells a
-- running server whether it must rebuild its index (an import may come from another process).
CREATE SEQUENCE facility_revision_seq;

CREATE TABLE facilities (
  id uuid PRIMARY KEY,
  -- The source's stable id; imports upsert by it. `id` is derived from it (UUIDv5).
  external_id text NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('canteen', 'daycare', 'institution')),
  city_code text NOT NULL,
  county_code text NOT NULL,
  -- GCJ-02, as WeChat maps use.
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  -- Generated sample data, labelled as such in the app.
  sample boolean NOT NULL,
  -- The facility's own updatedAt (when its information last changed at the source).
  updated_at timestamptz NOT NULL,
  -- When this row was last written here (seeding or import).
  written_at timestamptz NOT NULL,
  revision bigint NOT NULL DEFAULT nextval('facility_revision_seq'),
  data jsonb NOT NULL
);

-- max(revision) is read through this index: cheap, unlike count(*), which reads the whole table.
-- Searches never reach SQL, so no other index is kept (each would slow the first start's seeding).
CREATE INDEX facilities_revision_idx ON facilities (revision);

-- Rows that are gone leave no revision behind: deletions record theirs here.
CREATE TABLE facility_deletions (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  revision bigint NOT NULL
);
INSERT INTO facility_deletions (singleton, revision) VALUES (true, 0);

-- Whoever writes (the importer, or an operator by hand), the revision moves.
CREATE FUNCTION facilities_take_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := nextval('facility_revision_seq');
  RETURN NEW;
END
$$;

CREATE TRIGGER facilities_take_revision BEFORE UPDATE ON facilities
  FOR EACH ROW EXECUTE FUNCTION facilities_take_revision();

CREATE FUNCTION facilities_record_deletion() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE facility_deletions SET revision = nextval('facility_revision_seq');
  RETURN NULL;
END
$$;

CREATE TRIGGER facilities_record_deletion AFTER DELETE OR TRUNCATE ON facilities
  FOR EACH STATEMENT EXECUTE FUNCTION facilities_record_deletion();
