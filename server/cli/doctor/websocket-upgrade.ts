// The WebSocket upgrade through the URL browsers use, telling a refused origin from a proxy that drops upgrade headers.
import type { CheckResult } from './check-result'
import { fail, pass } from './check-result'
import type { DoctorTarget } from './doctor-target'
import { probeUpgrade } from './upgrade-probe'

const PROXY_FIX = 'the proxy in front of Lookout must pass the upgrade: in nginx, proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; (see deploy/nginx.conf)'

/** PASS when a page at LOOKOUT_URL would get its socket. */
export async function websocketUpgradeCheck({ engine, publicUrl, serverUrl }: DoctorTarget): Promise<CheckResult> {
  const name = 'websocket upgrade'
  if (!engine) return fail(name, 'cannot be checked while the configuration does not load', 'fix the configuration line above first')
  const appKey = engine.apps[0]!.key
  const answer = await probeUpgrade(publicUrl, appKey, publicUrl.origin)
  const where = `${publicUrl.origin}/app/${appKey}`
  if (answer.status === 101) return pass(name, `${where} switches to WebSocket for pages at ${publicUrl.origin}`)
  if (answer.status === 403) return fail(name, `${where} refused the upgrade with 403: the origin ${publicUrl.origin} is not allowed`, `add ${publicUrl.hostname} to REVERB_ALLOWED_ORIGINS and restart the server`)
  if (answer.status === 429) return fail(name, `${where} refused the upgrade with 429: this address holds too many sockets`, 'raise LOOKOUT_MAX_CONNECTIONS_PER_IP, or set LOOKOUT_TRUST_PROXY=true when a proxy makes every client share its address')
  if (answer.status === 0) return fail(name, `cannot open ${where}: ${answer.error}`, 'check that LOOKOUT_URL is the address browsers use and that it is reachable from here')
  // The same upgrade straight to the server tells a proxy that ate the headers from a server that refused.
  const direct = new URL(serverUrl)
  if (direct.origin !== publicUrl.origin && (await probeUpgrade(direct, appKey, publicUrl.origin)).status === 101) {
    return fail(name, `${where} answered HTTP ${answer.status} instead of 101 while ${direct.origin} upgrades: a proxy drops the Upgrade and Connection headers`, PROXY_FIX)
  }
  return fail(name, `${where} answered HTTP ${answer.status} instead of 101 Switching Protocols`, `if a proxy is in front of Lookout, ${PROXY_FIX}; otherwise check that LOOKOUT_URL points at Lookout`)
}
