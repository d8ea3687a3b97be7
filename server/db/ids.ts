// Row ids are PostgreSQL `serial`s: anything outside 1..2^31-1 cannot name a row.

export const MAX_DATABASE_ID = 2 ** 31 - 1

/** True for a value that can be a row id. */
export function isDatabaseId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_DATABASE_ID
}
