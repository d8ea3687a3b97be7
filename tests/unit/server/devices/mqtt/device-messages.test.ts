// Device messages become the HTTP ingest's domain call with the entity from the topic, validated by the same
// schemas, or a refusal naming the field.
import { describe, expect, it } from 'vitest'
import { ingestCallFor } from '../../../../../server/devices/mqtt/device-messages'
import { ingestHeartbeat } from '../../../../../server/domain/gateways/ingest-heartbeat'
import { ingestPositions } from '../../../../../server/domain/vehicles/ingest-positions'
import { ingestTelemetry } from '../../../../../server/domain/zones/telemetry-ingest'

const bytes = (text: string) => Buffer.from(text)

describe('ingestCallFor', () => {
  it('makes a telemetry payload the telemetry ingest of the topic\'s node', () => {
    const call = ingestCallFor({ kind: 'telemetry', uid: 'n1' }, bytes('{"ph": 6.1}'))
    expect(call).toEqual({ ok: true, value: { ingest: ingestTelemetry, input: { device: 'n1', samples: [{ metric: 'ph', value: 6.1 }] } } })
  })

  it('reads no heartbeat payload, not even one that is not JSON', () => {
    expect(ingestCallFor({ kind: 'heartbeat', serial: 'GW-1' }, bytes('alive!'))).toEqual({ ok: true, value: { ingest: ingestHeartbeat, input: { gateway: 'GW-1' } } })
  })

  it('gives one position or each of a batch the topic\'s vehicle', () => {
    expect(ingestCallFor({ kind: 'positions', vehicleId: 4 }, bytes('{"lat": 1, "lon": 2}'))).toEqual({ ok: true, value: { ingest: ingestPositions, input: { vehicleId: 4, lat: 1, lon: 2 } } })
    const batch = ingestCallFor({ kind: 'positions', vehicleId: 4 }, bytes('{"positions": [{"lat": 1, "lon": 2}, {"lat": 3, "lon": 4, "vehicleId": 4}]}'))
    expect(batch).toMatchObject({ ok: true, value: { input: { positions: [{ vehicleId: 4, lat: 1 }, { vehicleId: 4, lat: 3 }] } } })
  })

  it.each([
    [{ kind: 'positions', vehicleId: 4 } as const, '{"positions": [{"lat": 1, "lon": 2, "vehicleId": 5}]}', 'positions.0.vehicleId'],
    [{ kind: 'positions', vehicleId: 4 } as const, '{"lat": 100, "lon": 2}', 'lat'],
    [{ kind: 'readings', serial: 'GW-1' } as const, '{"gateway": "GW-2", "readings": []}', 'gateway'],
    [{ kind: 'readings', serial: 'GW-1' } as const, '{"readings": [{"register": 1}]}', 'readings.0.value'],
    [{ kind: 'command-status', uid: 'n1', commandId: 3 } as const, '{"status": "done"}', 'status'],
    [{ kind: 'telemetry', uid: 'n1' } as const, '[1, 2', 'payload'],
  ])('refuses %j with %s, naming %s', (topic, payload, field) => {
    expect(ingestCallFor(topic, bytes(payload))).toMatchObject({ ok: false, refusal: { field } })
  })
})
