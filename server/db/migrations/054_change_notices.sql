-- Every server instance keeps the facilities in an in-memory index. Whoever writes the table (an import
-- from another process, the first start's seeding, an operator by hand), every instance hears of it when
-- the write commits: NOTIFY on the channel jinxin_facilities with the schema as the payload, so schemas
-- sharing a database never mix (server/db: Db.listen). Within one transaction the notices fold into one.
CREATE FUNCTION facilities_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jinxin_facilities', current_schema());
  RETURN NULL;
END
$$;

CREATE TRIGGER facilities_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON facilities
  FOR EACH STATEMENT EXECUTE FUNCTION facilities_notify_change();
