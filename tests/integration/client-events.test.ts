// Client events only where a channel rule allows them: refused in-band (4009, socket kept) on tenant channels,
// whispered on presence-zone channels (built server, pusher-js authorised through /broadcasting/auth).
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connected, sessionClient, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let viewer: Session
let operator: Session
const clients: PusherJs[] = []

beforeAll(async () => {
  server = await startServer()
  viewer = await login(server, demoEmail('viewer', 'greenfield'))
  operator = await login(server, demoEmail('operator', 'greenfield'))
}, 120_000)
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect()
})
afterAll(() => server.stop())

interface Participant {
  client: PusherJs
  received: unknown[]
  errors: Array<{ code?: number, message?: string }>
}

/** A session's pusher-js client subscribed to `channel`, recording `client-note` events and pusher:error frames. */
async function participant(session: Session, channel: string): Promise<Participant> {
  const client = sessionClient(server, session)
  clients.push(client)
  const received: unknown[] = []
  const errors: Participant['errors'] = []
  client.connection.bind('error', (error: { data?: { code?: number, message?: string } }) => errors.push(error.data ?? {}))
  await connected(client)
  let joined = false
  client.subscribe(channel).bind('pusher:subscription_succeeded', () => { joined = true }).bind('client-note', (data: unknown) => received.push(data))
  await waitFor(() => joined, 10_000, `subscription to ${channel}`)
  return { client, received, errors }
}

describe('client events', () => {
  it.each(['private-tenant.1.alerts', 'private-tenant.1.commands'])('are refused on %s with 4009, and the socket stays open', async (channel) => {
    const sender = await participant(viewer, channel)
    const listener = await participant(operator, channel)
    sender.client.channel(channel).trigger('client-note', { fake: 'alert' })
    await waitFor(() => sender.errors.length > 0, 5_000, 'the refusal')
    expect(sender.errors[0]).toMatchObject({ code: 4009 })
    expect(sender.errors[0]!.message).toContain(channel)
    // Still connected and still subscribed: a whisper on an allowed channel goes through afterwards.
    expect(sender.client.connection.state).toBe('connected')
    const zoneSender = await participant(viewer, 'presence-zone.1')
    const zoneListener = await participant(operator, 'presence-zone.1')
    zoneSender.client.channel('presence-zone.1').trigger('client-note', { after: 'refusal' })
    await waitFor(() => zoneListener.received.length === 1, 5_000, 'the whisper')
    expect(listener.received).toEqual([])
  })

  it('are whispered on presence-zone channels, where the rule opts in for every role', async () => {
    const sender = await participant(viewer, 'presence-zone.2')
    const listener = await participant(operator, 'presence-zone.2')
    sender.client.channel('presence-zone.2').trigger('client-note', { looking: 'node 3' })
    await waitFor(() => listener.received.length === 1, 5_000, 'the whisper')
    expect(listener.received).toEqual([{ looking: 'node 3' }])
    expect(sender.errors).toEqual([])
  })
})
