// `npm run facilities:import -- <file.csv|file.geojson> [--dry-run] [--remove-sample]`
//
// Imports a real facility list into the database the server uses (DATABASE_URL, else the embedded
// PGlite in DATA_DIR; the same variables as `npm run serve`). Prints how many rows were accepted,
// inserted, updated and unchanged, and every refused row with its row number and reasons.
//
// Exit status: 0 when the import ran (rows it refused are listed; the others were imported);
// 1 when nothing was imported because the file could not be read (missing, not UTF-8, not CSV or
// GeoJSON as a whole, a CSV header without the required columns) or every row was refused, or the
// database could not be opened or written (then nothing was written: one transaction);
// 2 for a usage error.
//
// Every running server instance on PostgreSQL is told of the import when it commits (LISTEN/NOTIFY) and
// rebuilds its index at once (server/facilities/service.ts).
// The embedded PGlite can be opened by one process only: stop the server, import, start it again.
import { runImportCli } from './cli'

runImportCli(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  },
)
