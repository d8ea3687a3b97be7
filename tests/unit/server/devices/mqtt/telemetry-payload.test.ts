// The telemetry payload forms a node may publish, turned into the HTTP ingest body for the topic's node.
import { describe, expect, it } from 'vitest'
import { telemetryBody } from '../../../../../server/devices/mqtt/telemetry-payload'

describe('telemetryBody', () => {
  it('takes the HTTP body, naming the topic\'s node', () => {
    expect(telemetryBody('n1', { samples: [{ metric: 'ph', value: 6 }] })).toEqual({ ok: true, value: { device: 'n1', samples: [{ metric: 'ph', value: 6 }] } })
  })

  it('refuses an HTTP body naming another node', () => {
    expect(telemetryBody('n1', { device: 'n2', samples: [] })).toMatchObject({ ok: false, refusal: { field: 'device' } })
  })

  it('turns the flat form into one sample per key', () => {
    expect(telemetryBody('n1', { ph: 6.1, ec: 1.8 })).toEqual({ ok: true, value: { device: 'n1', samples: [{ metric: 'ph', value: 6.1 }, { metric: 'ec', value: 1.8 }] } })
  })

  it('names the key of a flat value that is not a number', () => {
    expect(telemetryBody('n1', { ph: '6.1' })).toMatchObject({ ok: false, refusal: { field: 'ph', message: 'must be a number' } })
  })

  it('stamps the timestamped form\'s samples with its ts, one object or a list', () => {
    const at = new Date(1_700_000_000_000).toISOString()
    expect(telemetryBody('n1', { ts: 1_700_000_000_000, values: { ph: 6 } })).toEqual({ ok: true, value: { device: 'n1', samples: [{ metric: 'ph', value: 6, at }] } })
    expect(telemetryBody('n1', [{ ts: 1_700_000_000_000, values: { ph: 6 } }, { values: { ec: 2 } }])).toEqual({ ok: true, value: { device: 'n1', samples: [{ metric: 'ph', value: 6, at }, { metric: 'ec', value: 2 }] } })
  })

  it('names a wrong ts and a wrong value of the timestamped form', () => {
    expect(telemetryBody('n1', { ts: 'now', values: { ph: 6 } })).toMatchObject({ ok: false, refusal: { field: 'ts' } })
    expect(telemetryBody('n1', [{ ts: 1, values: { ph: true } }])).toMatchObject({ ok: false, refusal: { field: '0.values.ph' } })
  })

  it('refuses an empty object and a non-object', () => {
    expect(telemetryBody('n1', {})).toMatchObject({ ok: false, refusal: { field: 'payload' } })
    expect(telemetryBody('n1', 6.1)).toMatchObject({ ok: false, refusal: { field: 'payload' } })
  })
})
