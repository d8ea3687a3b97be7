// Tables whose rows ingest rewrites every second keep room on each page, so those updates can stay heap-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { createEmptyDatabase } from '../test-database'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createEmptyDatabase()
}, 30_000)
afterAll(() => handle.close())

describe('migration 0011 (latest rows fillfactor)', () => {
  it('leaves half of every page free in the tables of latest values, and packs the append-only ones', async () => {
    const result = await handle.db.execute(sql`SELECT relname, reloptions FROM pg_class
      WHERE relname IN ('vehicles', 'telemetry_latest', 'data_points', 'devices', 'positions', 'telemetry') ORDER BY relname`)
    const options = Object.fromEntries((result as unknown as { rows: Array<{ relname: string, reloptions: string[] | null }> }).rows
      .map(row => [row.relname, row.reloptions ?? []]))
    expect(options).toEqual({
      data_points: ['fillfactor=50'], devices: ['fillfactor=50'], telemetry_latest: ['fillfactor=50'], vehicles: ['fillfactor=50'],
      positions: [], telemetry: [],
    })
  })
})
