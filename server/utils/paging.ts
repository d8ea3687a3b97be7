// Keyset paging shared by list routes: `?limit=&before=<id>`, newest first.
import { z } from 'zod'

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional(),
})

export type PageQuery = z.infer<typeof pageQuery>

/** The list answer: rows and the `before` value of the next (older) page, or null at the end. */
export function page<T extends { id: number }>(rows: T[], query: PageQuery): { data: T[], next_before: number | null } {
  return { data: rows, next_before: rows.length === query.limit ? rows[rows.length - 1]!.id : null }
}
