// Database errors from either implementation carry PostgreSQL's SQLSTATE in `code`.

/** The SQLSTATE of a database error (`'23505'` …), or undefined for anything else. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/** A UNIQUE or PRIMARY KEY constraint refused the row (e.g. map to 409). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505'
}

/** A FOREIGN KEY constraint refused the row. */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503'
}

/** The constraint a database error names (both drivers pass PostgreSQL's field on), when it names one. */
export function violatedConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('constraint' in error)) return undefined
  const constraint = (error as { constraint: unknown }).constraint
  return typeof constraint === 'string' ? constraint : undefined
}
