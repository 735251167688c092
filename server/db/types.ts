// The one database interface every feature uses. Two implementations run the same SQL: PGlite
// (embedded, the default) and PostgreSQL through a `pg` pool (when DATABASE_URL is set).

export type DbKind = 'pglite' | 'postgres'

export interface QueryResult<Row> {
  rows: Row[]
  /** Rows returned by a SELECT or changed by an INSERT/UPDATE/DELETE. */
  rowCount: number
}

export interface Queryable {
  /**
   * One statement with `$1, $2 …` parameters. Values come back the same on both databases:
   * timestamptz → Date, date → `'YYYY-MM-DD'`, int8 → number, numeric → string, json/jsonb → parsed.
   */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>
  /** Several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly kind: DbKind
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws
   * (and the error rethrown). Use only `tx` inside, never the outer `db`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** What the database layer may say about itself (a pino/Fastify logger fits). */
export interface DbLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}
