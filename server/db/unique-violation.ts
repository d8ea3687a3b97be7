// Recognises PostgreSQL's unique_violation (23505), from node-postgres and PGlite alike, even when wrapped.

/** True when `error` (or what it wraps) is a unique violation, of `constraint` when given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const { code, constraint: name } = current as { code?: unknown, constraint?: unknown }
    if (code === '23505') return constraint === undefined || name === constraint
  }
  return false
}
