import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { asc, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { telemetryMinutely } from '../../../../server/db/schema'
import { testContext } from '../domain/domain-context'
import { nodeOf, sendTelemetry } from '../domain/zones/zone-fixtures'
import { MIGRATIONS, useDemoDatabase } from '../test-database'

let handle: DatabaseHandle
let greenfield: number
let zones: number[]

useDemoDatabase((demo) => {
  ({ handle, greenfield } = demo)
  zones = demo.greenfieldGear.zones
})

/** The statement of migration 0010 that rolls up the telemetry stored before it. */
function backfillStatement(): string {
  const statements = readFileSync(join(MIGRATIONS, '0010_telemetry_minutely.sql'), 'utf8').split('--> statement-breakpoint')
  const backfill = statements.find(statement => /INSERT INTO "telemetry_minutely"/.test(statement))
  if (!backfill) throw new Error('migration 0010 has no backfill statement')
  return backfill
}

const rollups = () => handle.db.select().from(telemetryMinutely)
  .orderBy(asc(telemetryMinutely.zoneId), asc(telemetryMinutely.metric), asc(telemetryMinutely.minute), asc(telemetryMinutely.deviceId))

describe('migration 0010 (telemetry_minutely)', () => {
  it('rolls up the telemetry stored before it exactly as ingest keeps the rollups', async () => {
    const ctx = testContext(handle)
    const start = Date.parse('2026-04-01T00:00:00Z')
    for (const [index, zone] of zones.slice(0, 2).entries()) {
      const node = await nodeOf(handle.db, zone)
      const samples = Array.from({ length: 400 }, (_, i) => ({ metric: i % 2 ? 'ph' : 'ec', value: (i * 7 + index) % 13 - 4.5, at: new Date(start + i * 17_000).toISOString() }))
      await sendTelemetry(ctx, greenfield, { device: node.uid, samples })
    }
    const kept = await rollups()
    expect(kept.length).toBeGreaterThan(100)
    await handle.db.execute(sql`DELETE FROM telemetry_minutely`)
    await handle.db.execute(sql.raw(backfillStatement()))
    expect(await rollups()).toEqual(kept)
  })
})
