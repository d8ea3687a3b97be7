// The HTTP route browsers poll while their socket is down must answer (401 without a login is an answer).
import type { CheckResult } from './check-result'
import { fail, pass } from './check-result'
import type { DoctorTarget } from './doctor-target'
import { timedFetch } from './timed-fetch'

/** PASS when /api/realtime/history answers through LOOKOUT_URL as the application (401/200), not a proxy error. */
export async function fallbackPollingCheck({ publicUrl }: DoctorTarget): Promise<CheckResult> {
  const url = new URL('/api/realtime/history?channel=system&after=0', publicUrl).toString()
  try {
    const response = await timedFetch(url)
    if (response.status === 401 || response.ok) return pass('fallback polling', `${url} answers (HTTP ${response.status} without a login)`)
    return fail('fallback polling', `${url} answered HTTP ${response.status}`, 'the proxy in front of Lookout must forward /api/ to it; if it does, read the server log')
  }
  catch (error) {
    return fail('fallback polling', `${url} cannot be reached: ${(error as Error).message}`, 'check that LOOKOUT_URL is reachable from here')
  }
}
