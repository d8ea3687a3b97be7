import { describe, expect, it } from 'vitest'
import { fail, pass, warn } from '../../../../../server/cli/doctor/check-result'
import { isHealthy, jsonReport, textReport } from '../../../../../server/cli/doctor/report'

describe('doctor report', () => {
  it('prints one verdict line per check and the fix under a failure', () => {
    const text = textReport([pass('database', 'ready'), fail('round trip', 'refused (401)', 'use the same secret')])
    expect(text.split('\n')).toEqual([
      'PASS  database    ready',
      'FAIL  round trip  refused (401)',
      '                  fix: use the same secret',
      '',
      '1 check(s) failed, 0 warning(s)',
    ])
  })

  it('counts warnings as healthy and failures as not', () => {
    expect(isHealthy([pass('a', ''), warn('b', '', 'fix')])).toBe(true)
    expect(isHealthy([pass('a', ''), fail('b', '', 'fix')])).toBe(false)
  })

  it('gives machines every check and the overall verdict as JSON', () => {
    expect(JSON.parse(jsonReport([warn('secrets', 'defaults', 'set them')]))).toEqual({ ok: true, checks: [{ check: 'secrets', verdict: 'WARN', detail: 'defaults', fix: 'set them' }] })
  })
})
