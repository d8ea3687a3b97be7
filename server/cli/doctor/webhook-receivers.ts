// Each configured webhook receiver answers HTTP at all (any status: nothing is posted to it).
import type { CheckResult } from './check-result'
import { fail, pass } from './check-result'
import type { DoctorTarget } from './doctor-target'
import { timedFetch } from './timed-fetch'

/** One line per receiver of LOOKOUT_WEBHOOKS; none when there are none (or they do not parse: the settings line says so). */
export async function webhookReceiverChecks({ webhooks }: DoctorTarget): Promise<CheckResult[]> {
  return await Promise.all((webhooks?.receivers ?? []).map(async ({ url }) => {
    const shown = withoutCredentials(url)
    try {
      const response = await timedFetch(url, { method: 'HEAD' })
      return pass('webhook receiver', `${shown} answers (HTTP ${response.status} to HEAD)`)
    }
    catch (error) {
      const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message
      return fail('webhook receiver', `${shown} cannot be reached: ${reason}`, 'start the receiver or correct its url in LOOKOUT_WEBHOOKS; Lookout keeps its events queued and retries meanwhile')
    }
  }))
}

/** The URL as it may be printed: user and password removed. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url)
  parsed.username = ''
  parsed.password = ''
  return parsed.toString()
}
