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
  /**
   * Calls `onChange` after every commit that ran `notifySql(topic)` in this database's schema, from any
   * process (LISTEN/NOTIFY), and once more whenever the listening connection had to be re-opened, since
   * a notice may have been missed meanwhile. Resolves when listening; the function it gives stops it.
   */
  listen(topic: string, onChange: () => void): Promise<() => Promise<void>>
  /**
   * Runs `fn` while holding the lock `name`, shared by every process on this database's schema (a
   * PostgreSQL advisory lock; within the process on PGlite, which only one process can open). When another
   * holder has it, `fn` does not run and the answer is `{ ran: false }`.
   */
  withLockIfFree<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>
  close(): Promise<void>
}

/** The channel every instance listens on for `topic`; the payload names the schema, so schemas never mix. */
export const notifyChannel = (topic: string) => `jinxin_${topic}`

/** SQL that tells every listener of `topic` about this transaction when it commits (`Db.listen`). */
export function notifySql(topic: string): string {
  return `SELECT pg_notify('${notifyChannel(checkTopic(topic))}', current_schema())`
}

/** Topics are our own constants (`outbox`, `facilities`): lower-case letters and underscores. */
export function checkTopic(topic: string): string {
  if (!/^[a-z_]{1,40}$/.test(topic)) throw new Error(`not a notification topic: ${topic}`)
  return topic
}

/** What the database layer may say about itself (a pino/Fastify logger fits). */
export interface DbLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}
