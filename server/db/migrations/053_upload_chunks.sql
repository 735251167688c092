-- Uploaded documents' bytes when the server runs on PostgreSQL (server/applications/storage.ts), so every
-- instance behind a load balancer reads the same files. A file is its chunks (1 MB each, seq from 0),
-- written in one transaction. With the embedded PGlite the bytes stay under DATA_DIR/uploads and this table
-- stays empty. storage_key is uploads.storage_key; there is no foreign key because the bytes are stored
-- before the upload's row is written (and removed again when that fails).
CREATE TABLE upload_chunks (
  storage_key text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  bytes bytea NOT NULL,
  PRIMARY KEY (storage_key, seq)
);

-- Photos and PDFs are compressed already: keep them out of line without trying to compress them again.
ALTER TABLE upload_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
