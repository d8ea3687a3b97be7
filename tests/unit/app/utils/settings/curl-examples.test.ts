import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { curlExamples } from '../../../../../app/utils/settings/curl-examples'

/** The arguments a POSIX shell makes of a command (line continuations included), via `printf`. */
function shellWords(command: string): string[] {
  const out = execFileSync('sh', ['-c', `set -- ${command.replace(/^curl /, '')}; printf '%s\\0' "$@"`])
  return out.toString().split('\0').slice(0, -1)
}

describe('curl examples for a new token', () => {
  const examples = curlExamples({ origin: 'https://lookout.example.com', token: 'lk_7_secret', nodeUid: 'bench-node-1', gatewaySerial: 'GW-9', vehicleId: 4 })

  it('posts telemetry, readings and positions to this server with the token and an idempotency key', () => {
    expect(examples.map(example => example.titleKey)).toEqual(['telemetry', 'readings', 'position'].map(name => `settings.tokens.examples.${name}`))
    const words = shellWords(examples[0]!.command)
    expect(words.slice(0, 3)).toEqual(['-X', 'POST', 'https://lookout.example.com/api/ingest/telemetry'])
    expect(words).toContain('Authorization: Bearer lk_7_secret')
    expect(words).toContain('Idempotency-Key: bench-node-1-0001')
  })

  it('sends bodies the shell passes through as valid JSON naming the real equipment', () => {
    const bodies = examples.map(example => JSON.parse(shellWords(example.command).at(-1)!) as Record<string, unknown>)
    expect(bodies[0]).toEqual({ device: 'bench-node-1', samples: [{ metric: 'temperature', value: 21.5 }] })
    expect(bodies[1]).toMatchObject({ gateway: 'GW-9' })
    expect(bodies[2]).toMatchObject({ vehicleId: 4 })
  })

  it('uses placeholders where the tenant has no such equipment yet', () => {
    const [telemetry, readings] = curlExamples({ origin: 'http://127.0.0.1:3000', token: 't', nodeUid: null, gatewaySerial: null, vehicleId: null })
    expect(telemetry!.command).toContain('"device":"your-node-uid"')
    expect(readings!.command).toContain('"gateway":"your-gateway-serial"')
  })
})
