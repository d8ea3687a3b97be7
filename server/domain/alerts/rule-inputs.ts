// What the threshold rules of a batch start from, read in one round trip: the zones' thresholds and names, the
// open threshold alerts of the batch's nodes, and the stored states of their rules.
import { sql } from 'drizzle-orm'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { OPEN_ALERT_STATUSES } from '../zones/zone-status'
import type { Threshold } from './threshold-check'
import type { RuleState } from './threshold-rule'
import { ruleKey } from './rule-decisions'

export interface RuleZone {
  id: number
  name: string
  thresholds: Record<string, Threshold>
}

export interface RuleInputs {
  zones: Map<number, RuleZone>
  /** Open alerts by rule key. */
  open: Map<string, { id: number }>
  /** Stored rule states by rule key. */
  states: Map<string, RuleState>
}

interface Samples {
  zoneIds: number[]
  deviceIds: number[]
  metrics: string[]
}

/** Reads, through `tx`, the rule inputs of `tenantId`'s samples (distinct zone ids, node ids and metrics of a batch). */
export async function loadRuleInputs(tx: Database, tenantId: number, samples: Samples, kind: string): Promise<RuleInputs> {
  const devices = sql`${arrayParam(samples.deviceIds)}::integer[]`
  // Text rather than json: both drivers hand back the same string; times as epoch milliseconds for the same reason.
  const result = await tx.execute(sql`SELECT
    (SELECT coalesce(json_agg(json_build_array(id, name, thresholds)), '[]') FROM zones
      WHERE tenant_id = ${tenantId} AND id = ANY(${arrayParam(samples.zoneIds)}::integer[]))::text AS zones,
    (SELECT coalesce(json_agg(json_build_array(id, zone_id, device_id, metric)), '[]') FROM alerts
      WHERE tenant_id = ${tenantId} AND kind = ${kind} AND status = ANY(${arrayParam([...OPEN_ALERT_STATUSES])}::text[]) AND device_id = ANY(${devices}))::text AS open,
    (SELECT coalesce(json_agg(json_build_array(zone_id, device_id, metric, extract(epoch FROM breached_since) * 1000, extract(epoch FROM last_raised_at) * 1000)), '[]')
      FROM threshold_states WHERE device_id = ANY(${devices}) AND metric = ANY(${arrayParam(samples.metrics)}::text[]))::text AS states`)
  const row = (result as unknown as { rows: Array<Record<string, string>> }).rows[0]!
  const zones = JSON.parse(row.zones!) as Array<[number, string, Record<string, Threshold>]>
  const open = JSON.parse(row.open!) as Array<[number, number | null, number | null, string | null]>
  const states = JSON.parse(row.states!) as Array<[number, number, string, number | null, number | null]>
  const key = (zoneId: number | null, deviceId: number | null, metric: string | null) => ruleKey({ zoneId, deviceId, metric })
  const time = (ms: number | null) => ms === null ? null : new Date(Math.round(ms))
  return {
    zones: new Map(zones.map(([id, name, thresholds]) => [id, { id, name, thresholds }])),
    open: new Map(open.map(([id, zoneId, deviceId, metric]) => [key(zoneId, deviceId, metric), { id }])),
    states: new Map(states.map(([zoneId, deviceId, metric, since, raised]) => [key(zoneId, deviceId, metric), { breachedSince: time(since), lastRaisedAt: time(raised) }])),
  }
}
