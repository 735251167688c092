-- Scheduled work shared by every server instance (server/jobs/scheduler.ts): the last period each job
-- finished. Whichever instance holds the job's advisory lock checks this row, runs the job when the
-- current period has not been done, then records it; a run that fails or dies is not recorded, so
-- another instance (or the same one) runs it again at its next check.
CREATE TABLE scheduled_jobs (
  name text PRIMARY KEY,
  period_start timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  -- Which instance ran it (host and pid), for the operator reading the table.
  finished_by text NOT NULL
);
