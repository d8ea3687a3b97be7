// The shortcut of the telemetry body check vouches only for bodies the schema accepts, gives back what the schema
// would (to the byte once serialised, which the idempotency hash reads), and leaves everything else to the schema.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalTelemetry } from '../../../../../server/domain/zones/telemetry-canonical'
import { telemetryInput } from '../../../../../server/domain/zones/telemetry-schema'

const now = Date.now()
// Mostly what the schema accepts, so the shortcut is reached often; the rest is what it must leave alone.
const time = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: now }).map(ms => new Date(ms).toISOString()), weight: 8 },
  fc.constantFrom('2026-06-01T10:00:00+02:00', '2026-06-01T08:00:00', '2026-02-30T00:00:00Z', new Date(now + 3_600_000).toISOString(), 'yesterday', ''),
)
const sample = fc.record({
  metric: fc.oneof({ arbitrary: fc.constantFrom('ph', 'water.level', 'co2_ppm'), weight: 8 }, fc.constantFrom(' ph', 'a b', '', 'x'.repeat(65)), fc.string({ maxLength: 8 })),
  value: fc.oneof({ arbitrary: fc.double(), weight: 4 }, { arbitrary: fc.integer(), weight: 4 }, fc.constantFrom('6.1', null)),
  at: fc.option(time, { nil: undefined }),
}, { requiredKeys: ['metric', 'value'] })
// Also keys in another order and unknown keys: valid for the schema, not canonical.
const shuffled = fc.oneof({ arbitrary: sample, weight: 8 }, sample.map(({ metric, value }) => ({ value, metric })), sample.map(s => ({ ...s, unit: 'pH' })))
const device = fc.oneof({ arbitrary: fc.constantFrom('node-1', 'node-2'), weight: 8 }, fc.constantFrom(' node-1', '', 'n'.repeat(101)), fc.string({ maxLength: 6 }))
const body = fc.oneof(
  fc.record({ device, samples: fc.array(shuffled, { maxLength: 4 }) }),
  fc.record({ items: fc.array(fc.record({ device, samples: fc.array(shuffled, { minLength: 1, maxLength: 3 }) }), { maxLength: 3 }) }),
  fc.record({ device, samples: fc.array(sample, { maxLength: 2 }), items: fc.array(fc.record({ device, samples: fc.array(sample, { maxLength: 2 }) }), { maxLength: 2 }) }, { requiredKeys: [] }),
)

describe('canonicalTelemetry', () => {
  it('vouches only for bodies telemetryInput accepts, and gives back the same data, serialised alike', () => {
    let vouched = 0
    fc.assert(fc.property(body, (input) => {
      const shortcut = canonicalTelemetry(JSON.parse(JSON.stringify(input)))
      if (shortcut === null) return
      vouched += 1
      const checked = telemetryInput.safeParse(JSON.parse(JSON.stringify(input)))
      expect(checked.success).toBe(true)
      expect(JSON.stringify(shortcut)).toBe(JSON.stringify(checked.data))
    }), { numRuns: 3_000 })
    // The generator reaches the shortcut often enough for the property to mean something.
    expect(vouched).toBeGreaterThan(100)
  })

  it('vouches for a full batch of 1000 samples in the items form, giving back the body itself', () => {
    const samples = Array.from({ length: 500 }, (_, i) => ({ metric: i % 2 ? 'ph' : 'ec', value: i / 10, at: new Date(now - i * 1000).toISOString() }))
    const input = { items: [{ device: 'node-1', samples }, { device: 'node-2', samples }] }
    expect(canonicalTelemetry(input)).toBe(input)
  })

  it('leaves to the schema what it would trim, strip or refuse', () => {
    const one = (sample: Record<string, unknown>, deviceUid = 'node-1') => ({ device: deviceUid, samples: [sample] })
    for (const input of [
      one({ metric: 'ph', value: 6 }, ' node-1'), one({ metric: ' ph', value: 6 }), one({ metric: 'ph', value: 6, unit: 'pH' }),
      one({ value: 6, metric: 'ph' }), one({ metric: 'ph', value: '6' }), one({ metric: 'ph', value: 6, at: '2026-06-01T08:00:00' }),
      one({ metric: 'ph', value: 6, at: new Date(now + 3_600_000).toISOString() }), { device: 'node-1', samples: [] },
      { items: [{ device: 'node-1', samples: Array.from({ length: 600 }, () => ({ metric: 'ph', value: 6 })) }, { device: 'node-2', samples: Array.from({ length: 401 }, () => ({ metric: 'ph', value: 6 })) }] },
      { device: 'node-1', samples: [{ metric: 'ph', value: 6 }], items: [] },
    ]) expect(canonicalTelemetry(input)).toBeNull()
  })
})
