// Reading a long time series page by page in (time, id) order, each page its own query after the last row seen:
// no cursor or transaction is held between pages, and memory holds one page however long the range.
import type { AnyColumn, SQL } from 'drizzle-orm'
import { and, eq, gt, or } from 'drizzle-orm'

/** Rows one page holds: big enough to keep queries few, small enough to stay light. */
export const PAGE_SIZE = 2000

/** Where the next page starts: after this row. */
export interface PageCursor {
  at: Date
  id: number
}

/** The condition "after `cursor` in (time, id) order"; undefined (no condition) for the first page. */
export function afterCursor(time: AnyColumn, id: AnyColumn, cursor: PageCursor | null): SQL | undefined {
  return cursor === null ? undefined : or(gt(time, cursor.at), and(eq(time, cursor.at), gt(id, cursor.id)))
}

/** Yields the pages `readPage` gives (each at most `pageSize` rows, after the cursor it is handed) until a short one. */
export async function* keysetPages<R>(readPage: (cursor: PageCursor | null) => Promise<R[]>, cursorOf: (row: R) => PageCursor, pageSize: number): AsyncGenerator<R[]> {
  let cursor: PageCursor | null = null
  for (;;) {
    const page = await readPage(cursor)
    if (page.length > 0) yield page
    if (page.length < pageSize) return
    cursor = cursorOf(page.at(-1)!)
  }
}
