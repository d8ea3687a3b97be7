// A stock pusher-js client subscribes, the HTTP API publishes with the configured credentials, the event must arrive.
import { randomBytes } from 'node:crypto'
import Pusher from 'pusher'
import PusherJs from 'pusher-js'
import type { CheckResult } from './check-result'
import { fail, pass } from './check-result'
import type { DoctorTarget } from './doctor-target'

/** How long connecting, subscribing and the event's arrival may each take. */
const STEP_TIMEOUT_MS = 10_000

/** PASS with the publish-to-delivery latency when an event goes round. */
export async function roundTripCheck({ engine, publicUrl }: DoctorTarget): Promise<CheckResult> {
  const name = 'round trip'
  if (!engine) return fail(name, 'cannot be checked while the configuration does not load', 'fix the configuration line above first')
  const app = engine.apps[0]!
  const tls = publicUrl.protocol === 'https:'
  const port = Number(publicUrl.port || (tls ? 443 : 80))
  const client = new PusherJs(app.key, { cluster: 'doctor', wsHost: publicUrl.hostname, wsPort: port, wssPort: port, forceTLS: tls, enabledTransports: ['ws', 'wss'] })
  const channelName = `doctor-${randomBytes(6).toString('hex')}`
  try {
    let refusal = ''
    client.connection.bind('error', (error: { data?: { code?: number, message?: string } }) => (refusal ||= error.data?.code ? `${error.data.code} ${error.data.message ?? ''}`.trim() : ''))
    const channel = client.subscribe(channelName)
    const subscribed = new Promise<void>(resolve => channel.bind('pusher:subscription_succeeded', () => resolve()))
    if (!await within(subscribed)) {
      if (refusal.startsWith('4001')) return fail(name, `the server does not know the app key "${app.key}" (${refusal})`, 'give the doctor (and your applications) the same REVERB_APP_KEY as the server')
      return fail(name, `pusher-js could not subscribe through ${publicUrl.origin} (state ${client.connection.state}${refusal ? `, ${refusal}` : ''})`, 'fix the websocket upgrade line above first')
    }
    const nonce = randomBytes(8).toString('hex')
    const arrived = new Promise<void>(resolve => channel.bind('doctor.ping', (data: { nonce?: string }) => data?.nonce === nonce && resolve()))
    const sdk = new Pusher({ appId: app.id, key: app.key, secret: app.secret, host: publicUrl.hostname, port: String(port), useTLS: tls })
    const started = performance.now()
    try {
      await sdk.trigger(channelName, 'doctor.ping', { nonce })
    }
    catch (error) {
      return publishRefused(name, error as { status?: number, message?: string })
    }
    if (!await within(arrived)) return fail(name, `the HTTP API accepted the event but it did not reach the subscriber within ${STEP_TIMEOUT_MS / 1000} s`, 'read the server log; with REDIS_URL check that every node reaches the same Redis')
    return pass(name, `published through the HTTP API and received by pusher-js in ${(performance.now() - started).toFixed(1)} ms`)
  }
  finally {
    client.disconnect()
  }
}

function publishRefused(name: string, error: { status?: number, message?: string }): CheckResult {
  if (error.status === 401) return fail(name, 'the HTTP API refused the signature (401): REVERB_APP_SECRET here is not the running server\'s', 'use the same REVERB_APP_SECRET for the server, the doctor and every application that publishes')
  if (error.status === 404) return fail(name, 'the HTTP API does not know this app id (404)', 'use the same REVERB_APP_ID for the server, the doctor and every application that publishes')
  return fail(name, `the HTTP API refused the event (${error.status ?? error.message})`, 'read the server log for the reason')
}

/** True when `promise` settles within STEP_TIMEOUT_MS. */
async function within(promise: Promise<void>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<boolean>(resolve => (timer = setTimeout(resolve, STEP_TIMEOUT_MS, false)))
  try {
    return await Promise.race([promise.then(() => true), timeout])
  }
  finally {
    clearTimeout(timer)
  }
}
