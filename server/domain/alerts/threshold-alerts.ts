// Raises and auto-resolves threshold alerts from ingested samples by the honest rule of threshold-rule.ts: one
// open alert per (zone, device, metric), stored with the rule's state in the ingest's transaction and announced
// after it commits.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { ActivityEventPayload, AlertPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { alerts, thresholdStates } from '../../db/schema'
import { announceActivity, storeActivity } from '../activity'
import type { DomainContext } from '../context'
import type { StoredNotification } from '../notifications'
import { announceNotifications, storeNotifications } from '../notifications'
import { announceZones, OPEN_ALERT_STATUSES, refreshZoneStatuses } from '../zones/zone-status'
import { announceAlert, toAlertPayload } from './alert-payload'
import { breachMessage, metricTerm, recoveryMessage } from './threshold-check'
import type { RuleState } from './threshold-rule'
import { decideRules, ruleKey } from './rule-decisions'
import { loadRuleInputs } from './rule-inputs'
import { nested } from '../../i18n/server-message'

export const THRESHOLD_KIND = 'threshold'

export interface ZonedSample {
  zoneId: number
  deviceId: number
  metric: string
  value: number
  recordedAt: Date
}

type AlertChange = { event: 'created' | 'updated', alert: AlertPayload }

/**
 * Checks samples of zoned devices against their zone's thresholds (each rule stepped once over its samples of
 * the batch, in time order) and stores what
 * follows: a new alert for a breach that lasted the threshold's delay (at most one per rule per 10 minutes),
 * the auto-resolution (resolvedBy null) of the open one when a value is back inside by the deadband, activity events, notifications for critical alerts and zone
 * statuses. Returns the broadcasts to send after commit. Callers lock the devices' rows first, so
 * concurrent requests of one device cannot both raise an alert.
 */
export async function evaluateThresholds(tx: Database, tenantId: number, samples: ZonedSample[], at: Date): Promise<(ctx: DomainContext) => void> {
  if (samples.length === 0) return () => {}
  const inputs = await loadRuleInputs(tx, tenantId, {
    zoneIds: [...new Set(samples.map(sample => sample.zoneId))],
    deviceIds: [...new Set(samples.map(sample => sample.deviceId))],
    metrics: [...new Set(samples.map(sample => sample.metric))],
  }, THRESHOLD_KIND)
  const { zones: zoneById, open } = inputs
  const decided = decideRules(samples, (sample) => {
    const zone = zoneById.get(sample.zoneId)
    return zone ? zone.thresholds[sample.metric] : null
  }, new Set(open.keys()), inputs.states)
  const changes: AlertChange[] = []
  const activity: ActivityEventPayload[] = []
  const notified: StoredNotification[] = []
  for (const step of decided.actions) {
    const { sample } = step
    const zone = zoneById.get(sample.zoneId)!
    if (step.action === 'raise') {
      const { breach } = step
      const message = breachMessage(sample.metric, sample.value, breach, zone.name)
      const [row] = await tx.insert(alerts).values({
        tenantId, zoneId: zone.id, deviceId: sample.deviceId, metric: sample.metric, value: sample.value,
        severity: breach.severity, kind: THRESHOLD_KIND, message: message.text, messageCode: message.code, messageParams: message.params, createdAt: at,
      }).returning()
      open.set(ruleKey(sample), row!)
      changes.push({ event: 'created', alert: toAlertPayload(row!) })
      activity.push(await storeActivity(tx, { tenantId, kind: 'alert.raised', message, subject: subjectOf(row!.id, sample) }, at))
      if (breach.severity === 'critical') {
        notified.push(...await storeNotifications(tx, { tenantId, kind: 'alert', code: 'messages.notifications.criticalAlert', params: { metric: metricTerm(sample.metric), zone: zone.name, alert: nested(message) } }, at))
      }
      continue
    }
    const current = open.get(ruleKey(sample))
    open.delete(ruleKey(sample))
    if (!current) continue
    const [row] = await tx.update(alerts).set({ status: 'resolved', resolvedAt: at, resolvedBy: null })
      .where(and(eq(alerts.id, current.id), inArray(alerts.status, [...OPEN_ALERT_STATUSES]))).returning()
    if (!row) continue
    changes.push({ event: 'updated', alert: toAlertPayload(row) })
    const message = recoveryMessage(sample.metric, sample.value, zone.name)
    activity.push(await storeActivity(tx, { tenantId, kind: 'alert.resolved', message, subject: subjectOf(row.id, sample) }, at))
  }
  await saveRuleStates(tx, decided.changed)
  const zonesChanged = changes.length > 0 ? await refreshZoneStatuses(tx, changes.map(change => change.alert.zoneId!)) : []
  return (ctx) => {
    for (const change of changes) announceAlert(ctx, change)
    announceActivity(ctx, activity)
    announceNotifications(ctx, notified)
    announceZones(ctx, zonesChanged)
  }
}

async function saveRuleStates(tx: Database, changed: Map<string, { sample: ZonedSample, state: RuleState }>): Promise<void> {
  if (changed.size === 0) return
  const rows = [...changed.values()].map(({ sample, state }) => ({ zoneId: sample.zoneId, deviceId: sample.deviceId, metric: sample.metric, ...state }))
  await tx.insert(thresholdStates).values(rows).onConflictDoUpdate({
    target: [thresholdStates.zoneId, thresholdStates.deviceId, thresholdStates.metric],
    set: { breachedSince: sql`excluded.breached_since`, lastRaisedAt: sql`excluded.last_raised_at` },
  })
}

function subjectOf(alertId: number, sample: ZonedSample): Record<string, unknown> {
  return { alertId, zoneId: sample.zoneId, deviceId: sample.deviceId, metric: sample.metric }
}
