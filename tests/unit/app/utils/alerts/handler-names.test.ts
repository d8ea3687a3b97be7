import { describe, expect, it } from 'vitest'
import type { AlertPayload } from '../../../../../shared/events'
import { handledBy, keepHandlerNames } from '../../../../../app/utils/alerts/handler-names'
import { translator } from '../../../../support/translators'

const en = translator('en')

const alert = (changes: Partial<AlertPayload>): AlertPayload => ({
  id: 1, tenantId: 1, zoneId: 2, gatewayId: null, vehicleId: null, deviceId: null, metric: 'ph', value: 7, severity: 'warning', kind: 'threshold',
  message: 'pH high', messageCode: null, messageParams: {}, status: 'active', createdAt: '2026-12-05T10:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null,
  resolvedAt: null, resolvedBy: null, resolvedByName: null, ...changes,
})

describe('who handled an alert', () => {
  it('says who acknowledged or resolved it, and when the system resolved it', () => {
    expect(handledBy(alert({}), en)).toBeNull()
    expect(handledBy(alert({ status: 'acknowledged', acknowledgedBy: 3, acknowledgedByName: 'Olga Operator' }), en)).toBe('acknowledged by Olga Operator')
    expect(handledBy(alert({ status: 'resolved', resolvedBy: 4, resolvedByName: 'Ada Admin' }), en)).toBe('resolved by Ada Admin')
    expect(handledBy(alert({ status: 'resolved', resolvedBy: null }), en)).toBe('resolved automatically')
    expect(handledBy(alert({ status: 'resolved', resolvedBy: 9 }), en)).toBe('resolved by user 9')
    expect(handledBy(alert({ status: 'acknowledged', acknowledgedBy: null }), en)).toBe('acknowledged by someone')
  })

  it('says it in Russian and Polish, a nameless user included', () => {
    const ru = translator('ru')
    const pl = translator('pl')
    expect(handledBy(alert({ status: 'acknowledged', acknowledgedBy: 3, acknowledgedByName: 'Olga Operator' }), ru)).toBe('подтверждено: Olga Operator')
    expect(handledBy(alert({ status: 'resolved', resolvedBy: 9 }), ru)).toBe('закрыто: пользователь 9')
    expect(handledBy(alert({ status: 'resolved', resolvedBy: null }), pl)).toBe('zamknięty automatycznie')
    expect(handledBy(alert({ status: 'acknowledged', acknowledgedBy: 3, acknowledgedByName: 'Olga Operator' }), pl)).toBe('potwierdzony przez: Olga Operator')
  })

  it('keeps a known name when an update carries the same user without it, never for another user', () => {
    const acknowledged = alert({ status: 'acknowledged', acknowledgedBy: 3, acknowledgedByName: 'Olga Operator' })
    const autoResolved = alert({ status: 'resolved', acknowledgedBy: 3, resolvedAt: '2026-12-05T10:05:00.000Z' })
    expect(keepHandlerNames(acknowledged, autoResolved)).toMatchObject({ status: 'resolved', acknowledgedByName: 'Olga Operator', resolvedByName: null })
    expect(keepHandlerNames(acknowledged, alert({ status: 'acknowledged', acknowledgedBy: 5 })).acknowledgedByName).toBeNull()
    expect(keepHandlerNames(undefined, autoResolved)).toBe(autoResolved)
  })
})
