// laravel-echo, with both its `reverb` and `pusher` broadcasters, works against Lookout unchanged.
import type Pusher from 'pusher'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { echoClient, serverSdk, waitFor } from '../support/clients'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let sdk: Pusher

beforeAll(async () => {
  server = await startServer()
  sdk = serverSdk(server)
})
afterAll(() => server.stop())

describe.each(['reverb', 'pusher'] as const)('Echo with the %s broadcaster', (broadcaster) => {
  it('listens to a private channel with a leading-dot event name', async () => {
    const echo = echoClient(server, sdk, broadcaster)
    const received: unknown[] = []
    let ready = false
    echo.private(`zone.${broadcaster}`)
      .subscribed(() => { ready = true })
      .listen('.zone.updated', (data: unknown) => received.push(data))
    await waitFor(() => ready, 5_000, 'subscription')
    await sdk.trigger(`private-zone.${broadcaster}`, 'zone.updated', { status: 'ok' })
    await waitFor(() => received.length === 1, 5_000, 'zone.updated')
    expect(received[0]).toMatchObject({ status: 'ok' })
    echo.disconnect()
  })

  it('sees who is here, who joins and who leaves a presence channel', async () => {
    // Echo hands over each member's user_info, which Laravel apps fill with the user's id and name.
    const member = (id: string) => ({ user_id: id, user_info: { id, name: `User ${id}` } })
    const first = echoClient(server, sdk, broadcaster, member(`${broadcaster}-1`))
    const here: string[][] = []
    const joined: string[] = []
    const left: string[] = []
    first.join(`room.${broadcaster}`)
      .here((members: Array<{ id: string }>) => here.push(members.map(member => member.id)))
      .joining((member: { id: string }) => joined.push(member.id))
      .leaving((member: { id: string }) => left.push(member.id))
    await waitFor(() => here.length === 1, 5_000, 'here()')
    const second = echoClient(server, sdk, broadcaster, member(`${broadcaster}-2`))
    second.join(`room.${broadcaster}`)
    await waitFor(() => joined.length === 1, 5_000, 'joining()')
    second.disconnect()
    await waitFor(() => left.length === 1, 5_000, 'leaving()')
    expect(here[0]).toEqual([`${broadcaster}-1`])
    expect(joined).toEqual([`${broadcaster}-2`])
    expect(left).toEqual([`${broadcaster}-2`])
    first.disconnect()
  })

  it('whispers to the other members of a private channel', async () => {
    const sender = echoClient(server, sdk, broadcaster)
    const listener = echoClient(server, sdk, broadcaster)
    let senderReady = false
    let listenerReady = false
    const heard: unknown[] = []
    const senderChannel = sender.private(`chat.${broadcaster}`).subscribed(() => { senderReady = true })
    listener.private(`chat.${broadcaster}`)
      .subscribed(() => { listenerReady = true })
      .listenForWhisper('typing', (data: unknown) => heard.push(data))
    await waitFor(() => senderReady && listenerReady, 5_000, 'both subscriptions')
    senderChannel.whisper('typing', { name: 'Ann' })
    await waitFor(() => heard.length === 1, 5_000, 'whisper')
    expect(heard[0]).toEqual({ name: 'Ann' })
    sender.disconnect()
    listener.disconnect()
  })
})
