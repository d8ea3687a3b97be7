// Raises and auto-resolves threshold alerts from ingested samples by the honest rule of threshold-rule.ts: one
// open alert per (zone, device, metric), stored with the rule's state in the ingest's transaction and announced
// after it commits.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { ActivityEventPayload, AlertPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { alerts, thresholdStates, zones } from '../../db/schema'
import { announceActivity, storeActivity } from '../activity'
import type { DomainContext } from '../context'
import type { StoredNotification } from '../notifications'
import { announceNotifications, storeNotifications } from '../notifications'
import { announceZones, OPEN_ALERT_STATUSES, refreshZoneStatuses } from '../zones/zone-status'
import { announceAlert, toAlertPayload } from './alert-payload'
import type { Threshold } from './threshold-check'
import { breachMessage, hasThreshold, metricLabel, recoveryMessage } from './threshold-check'
import type { RuleState } from './threshold-rule'
import { stepRule } from './threshold-rule'

export const THRESHOLD_KIND = 'threshold'

export interface ZonedSample {
  zoneId: number
  deviceId: number
  metric: string
  value: number
  recordedAt: Date
}

type AlertChange = { event: 'created' | 'updated', alert: AlertPayload }
type OpenAlert = { id: number }

const keyOf = (sample: { zoneId: number | null, deviceId: number | null, metric: string | null }) => `${sample.zoneId}:${sample.deviceId}:${sample.metric}`

/**
 * Checks samples of zoned devices against their zone's thresholds, in time order, and stores what
 * follows: a new alert for a breach that lasted the threshold's delay (at most one per rule per 10 minutes),
 * the auto-resolution (resolvedBy null) of the open one when a value is back inside by the deadband, activity events, notifications for critical alerts and zone
 * statuses. Returns the broadcasts to send after commit. Callers lock the devices' rows first, so
 * concurrent requests of one device cannot both raise an alert.
 */
export async function evaluateThresholds(tx: Database, tenantId: number, samples: ZonedSample[], at: Date): Promise<(ctx: DomainContext) => void> {
  if (samples.length === 0) return () => {}
  const zoneRows = await tx.select({ id: zones.id, name: zones.name, thresholds: zones.thresholds }).from(zones)
    .where(and(eq(zones.tenantId, tenantId), inArray(zones.id, [...new Set(samples.map(sample => sample.zoneId))])))
  const zoneById = new Map(zoneRows.map(zone => [zone.id, zone]))
  const openRows = await tx.select({ id: alerts.id, zoneId: alerts.zoneId, deviceId: alerts.deviceId, metric: alerts.metric }).from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), eq(alerts.kind, THRESHOLD_KIND), inArray(alerts.status, [...OPEN_ALERT_STATUSES]),
      inArray(alerts.deviceId, [...new Set(samples.map(sample => sample.deviceId))])))
  const open = new Map<string, OpenAlert>(openRows.map(row => [keyOf(row), row]))

  const states = await loadRuleStates(tx, samples)
  const changes: AlertChange[] = []
  const activity: ActivityEventPayload[] = []
  const notified: StoredNotification[] = []
  const ordered = [...samples].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
  for (const sample of ordered) {
    const zone = zoneById.get(sample.zoneId)
    if (!zone) continue
    const threshold = (zone.thresholds as Record<string, Threshold>)[sample.metric]
    const current = open.get(keyOf(sample))
    if (!current && !hasThreshold(threshold)) continue
    const before = states.get(keyOf(sample)) ?? { breachedSince: null, lastRaisedAt: null }
    // A rule whose threshold was removed resolves its open alert at the next sample.
    const step = threshold && hasThreshold(threshold) ? stepRule(threshold, sample.value, sample.recordedAt, before, !!current) : { decision: { action: 'resolve' } as const, state: before }
    states.set(keyOf(sample), step.state)
    if (step.decision.action === 'raise') {
      const { breach } = step.decision
      const message = breachMessage(sample.metric, sample.value, breach, zone.name)
      const [row] = await tx.insert(alerts).values({
        tenantId, zoneId: zone.id, deviceId: sample.deviceId, metric: sample.metric, value: sample.value,
        severity: breach.severity, kind: THRESHOLD_KIND, message, createdAt: at,
      }).returning()
      open.set(keyOf(sample), row!)
      changes.push({ event: 'created', alert: toAlertPayload(row!) })
      activity.push(await storeActivity(tx, { tenantId, kind: 'alert.raised', message, subject: subjectOf(row!.id, sample) }, at))
      if (breach.severity === 'critical') {
        notified.push(...await storeNotifications(tx, { tenantId, kind: 'alert', title: `Critical: ${metricLabel(sample.metric)} in ${zone.name}`, body: message }, at))
      }
    }
    else if (step.decision.action === 'resolve' && current) {
      const [row] = await tx.update(alerts).set({ status: 'resolved', resolvedAt: at, resolvedBy: null })
        .where(and(eq(alerts.id, current.id), inArray(alerts.status, [...OPEN_ALERT_STATUSES]))).returning()
      open.delete(keyOf(sample))
      if (!row) continue
      changes.push({ event: 'updated', alert: toAlertPayload(row) })
      const message = recoveryMessage(sample.metric, sample.value, zone.name)
      activity.push(await storeActivity(tx, { tenantId, kind: 'alert.resolved', message, subject: subjectOf(row.id, sample) }, at))
    }
  }
  await saveRuleStates(tx, samples, states)
  const zonesChanged = changes.length > 0 ? await refreshZoneStatuses(tx, changes.map(change => change.alert.zoneId!)) : []
  return (ctx) => {
    for (const change of changes) announceAlert(ctx, change)
    announceActivity(ctx, activity)
    announceNotifications(ctx, notified)
    announceZones(ctx, zonesChanged)
  }
}

async function loadRuleStates(tx: Database, samples: ZonedSample[]): Promise<Map<string, RuleState>> {
  const rows = await tx.select().from(thresholdStates)
    .where(and(inArray(thresholdStates.deviceId, [...new Set(samples.map(sample => sample.deviceId))]), inArray(thresholdStates.metric, [...new Set(samples.map(sample => sample.metric))])))
  return new Map(rows.map(row => [keyOf(row), { breachedSince: row.breachedSince, lastRaisedAt: row.lastRaisedAt }]))
}

async function saveRuleStates(tx: Database, samples: ZonedSample[], states: Map<string, RuleState>): Promise<void> {
  const rows = [...new Map(samples.map(sample => [keyOf(sample), sample])).values()]
    .filter(sample => states.has(keyOf(sample)))
    .map(sample => ({ zoneId: sample.zoneId, deviceId: sample.deviceId, metric: sample.metric, ...states.get(keyOf(sample))! }))
  if (rows.length === 0) return
  await tx.insert(thresholdStates).values(rows).onConflictDoUpdate({
    target: [thresholdStates.zoneId, thresholdStates.deviceId, thresholdStates.metric],
    set: { breachedSince: sql`excluded.breached_since`, lastRaisedAt: sql`excluded.last_raised_at` },
  })
}

function subjectOf(alertId: number, sample: ZonedSample): Record<string, unknown> {
  return { alertId, zoneId: sample.zoneId, deviceId: sample.deviceId, metric: sample.metric }
}
