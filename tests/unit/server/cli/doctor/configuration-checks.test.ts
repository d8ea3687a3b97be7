import { describe, expect, it } from 'vitest'
import type { CheckResult } from '../../../../../server/cli/doctor/check-result'
import { configurationChecks } from '../../../../../server/cli/doctor/configuration-checks'
import { doctorTarget } from '../../../../../server/cli/doctor/doctor-target'

const CREDENTIALS = { REVERB_APP_ID: 'id', REVERB_APP_KEY: 'key', REVERB_APP_SECRET: 'secret', SESSION_SECRET: 'x'.repeat(32) }

function check(env: Record<string, string>, name: string): CheckResult {
  const found = configurationChecks(doctorTarget(env)).find(result => result.check === name)
  if (!found) throw new Error(`no "${name}" check`)
  return found
}

describe('doctor configuration checks', () => {
  it('passes a complete production configuration', () => {
    const checks = configurationChecks(doctorTarget({ ...CREDENTIALS, APP_ENV: 'production', LOOKOUT_URL: 'https://lookout.example.com', REVERB_ALLOWED_ORIGINS: 'lookout.example.com' }))
    expect(checks.map(result => result.verdict)).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS'])
  })

  it('fails production without a session secret and names it', () => {
    const { SESSION_SECRET: _, ...rest } = CREDENTIALS
    expect(check({ ...rest, APP_ENV: 'production' }, 'secrets')).toMatchObject({ verdict: 'FAIL', detail: 'APP_ENV=production but SESSION_SECRET is not set' })
  })

  it('fails production running on the published development secret', () => {
    expect(check({ ...CREDENTIALS, APP_ENV: 'production', REVERB_APP_SECRET: 'lookout-development-secret' }, 'secrets').verdict).toBe('FAIL')
  })

  it('only warns about development defaults outside production', () => {
    expect(check({}, 'secrets')).toMatchObject({ verdict: 'WARN', detail: expect.stringContaining('REVERB_APP_SECRET') })
  })

  it('warns about a misspelt variable and suggests the one the server reads', () => {
    expect(check({ ...CREDENTIALS, REVERB_ALLOWED_ORIGIN: 'a.example.com' }, 'variable names')).toMatchObject({ verdict: 'WARN', detail: expect.stringContaining('REVERB_ALLOWED_ORIGIN (did you mean REVERB_ALLOWED_ORIGINS?)') })
  })

  it('fails when the URL browsers use is not among the allowed origins', () => {
    expect(check({ ...CREDENTIALS, LOOKOUT_URL: 'https://dash.example.com', REVERB_ALLOWED_ORIGINS: 'app.example.com' }, 'allowed origins')).toMatchObject({ verdict: 'FAIL', fix: expect.stringContaining('add dash.example.com') })
  })

  it('accepts a wildcard origin covering the URL browsers use', () => {
    expect(check({ ...CREDENTIALS, LOOKOUT_URL: 'https://dash.example.com', REVERB_ALLOWED_ORIGINS: '*.example.com' }, 'allowed origins').verdict).toBe('PASS')
  })

  it('fails a LOOKOUT_URL that is not an http(s) URL', () => {
    expect(check({ ...CREDENTIALS, LOOKOUT_URL: 'lookout.example.com' }, 'LOOKOUT_URL').verdict).toBe('FAIL')
  })

  it('fails a setting the server would refuse, with its message', () => {
    expect(check({ ...CREDENTIALS, REVERB_APP_PONG_TIMEOUT: 'soon' }, 'configuration')).toMatchObject({ verdict: 'FAIL', detail: expect.stringContaining('REVERB_APP_PONG_TIMEOUT') })
  })

  it('fails webhook settings naming the wrong field', () => {
    expect(check({ ...CREDENTIALS, LOOKOUT_WEBHOOKS: '[{"url":"http://127.0.0.1:9/hook","event_types":["channel_occupied","channel_exploded"]}]' }, 'webhook settings')).toMatchObject({ verdict: 'FAIL', detail: expect.stringContaining('LOOKOUT_WEBHOOKS.0.event_types.1') })
  })
})
