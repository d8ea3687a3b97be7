// `npm run doctor [-- --json]`: checks a Lookout installation from beside its running server; exit 0 when nothing failed.
import type { CheckResult } from './check-result'
import { configurationChecks } from './configuration-checks'
import { doctorTarget } from './doctor-target'
import { fallbackPollingCheck } from './fallback-polling'
import { isHealthy, jsonReport, textReport } from './report'
import { roundTripCheck } from './round-trip'
import { serverHealthChecks } from './server-health'
import { webhookReceiverChecks } from './webhook-receivers'
import { websocketUpgradeCheck } from './websocket-upgrade'

/** Every check in order: the environment first, then the running server, then the paths a browser takes. */
async function runDoctor(env: Record<string, string | undefined>): Promise<CheckResult[]> {
  const target = doctorTarget(env)
  const results = configurationChecks(target)
  const health = await serverHealthChecks(target)
  results.push(...health)
  // Without a server answering, the network checks would only repeat that line.
  if (health.some(result => result.check === 'server')) return results
  results.push(await websocketUpgradeCheck(target))
  results.push(await roundTripCheck(target))
  results.push(...await webhookReceiverChecks(target))
  results.push(await fallbackPollingCheck(target))
  return results
}

const results = await runDoctor(process.env)
console.log(process.argv.includes('--json') ? jsonReport(results) : textReport(results))
process.exit(isHealthy(results) ? 0 : 1)
