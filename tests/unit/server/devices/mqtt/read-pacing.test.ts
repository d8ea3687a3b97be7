// Pausing an embedded-broker client's reads while its messages are held, on a real aedes broker over loopback
// with a hand-driven device (mqtt-packet on a socket), so the packets sent together arrive in one read.
import type { AddressInfo } from 'node:net'
import { createConnection, createServer } from 'node:net'
import { Aedes } from 'aedes'
import mqttPacket from 'mqtt-packet'
import { afterEach, describe, expect, it } from 'vitest'
import { ReadPacing } from '../../../../../server/devices/mqtt/read-pacing'
import { deferred } from '../../../../support/deferred'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map(close => close()))
})

/** A broker whose authorizePublish answers at once, except the payloads `held` returns a promise for. */
async function startBroker(held: (payload: string) => Promise<unknown> | null) {
  const pacing = new ReadPacing()
  const seen: string[] = []
  const broker = await Aedes.createBroker({
    authorizePublish: (client, packet, done) => {
      const payload = packet.payload.toString()
      seen.push(payload)
      const handled = held(payload)
      if (!handled) return done(null)
      pacing.hold(client!, handled)
      void handled.then(() => done(null))
    },
  })
  const server = createServer(socket => broker.handle(socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise(resolve => broker.close(() => server.close(() => resolve()))))
  return { seen, pacing, port: (server.address() as AddressInfo).port }
}

/** A device that sends QoS 1 PUBLISHes (several in one write when asked) and collects the PUBACKs. */
async function connectDevice(port: number) {
  const socket = createConnection({ host: '127.0.0.1', port })
  closers.push(async () => void socket.destroy())
  const parser = mqttPacket.parser({ protocolVersion: 4 })
  const acked: number[] = []
  const listeners = new Set<() => void>()
  parser.on('packet', (packet: mqttPacket.Packet) => {
    if (packet.cmd === 'puback') acked.push(packet.messageId!)
    listeners.forEach(listener => listener())
  })
  socket.on('data', chunk => parser.parse(chunk))
  const until = (done: () => boolean, what: string) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!done()) return
      clearTimeout(timer)
      listeners.delete(check)
      resolve()
    }
    const timer = setTimeout(() => reject(new Error(`${what} not within 10 s`)), 10_000)
    listeners.add(check)
    check()
  })
  const connack = new Promise(resolve => parser.once('packet', resolve))
  socket.write(mqttPacket.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: 'paced', keepalive: 60 }))
  await connack
  return {
    acked,
    /** Writes PUBLISHes of `payloads` (packet ids from `firstId`) in one socket write. */
    publish: (firstId: number, ...payloads: string[]) => socket.write(Buffer.concat(payloads.map((payload, index) =>
      mqttPacket.generate({ cmd: 'publish', topic: 'lookout/nodes/gh-1/telemetry', payload: Buffer.from(payload), qos: 1, dup: false, retain: false, messageId: firstId + index })))),
    untilAcked: (ids: number[]) => until(() => ids.every(id => acked.includes(id)), `PUBACKs of ${ids.join(', ')}`),
  }
}

/** Resolves once `seen` has `count` entries (10 s at most). */
async function untilSeen(seen: string[], count: number): Promise<void> {
  for (let waited = 0; seen.length < count; waited += 10) {
    if (waited > 10_000) throw new Error(`${count} messages not handed to authorizePublish within 10 s (saw ${seen.join(', ')})`)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}

// Bounds for a loaded machine: each wait below gives up after 10 s.
describe('ReadPacing', { timeout: 30_000 }, () => {
  it('reads nothing more from a held client until its message is handled, then reads and acknowledges the rest', async () => {
    const first = deferred<undefined>()
    const { seen, pacing, port } = await startBroker(payload => payload === 'm1' ? first.promise : null)
    const device = await connectDevice(port)
    device.publish(1, 'm1')
    await untilSeen(seen, 1)
    expect(pacing.paused).toBe(1)
    device.publish(2, 'm2', 'm3')
    // Without the pause aedes reads these at once (its 'readable' event counts as m1 done).
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(seen).toEqual(['m1'])
    expect(device.acked).toEqual([])
    first.resolve(undefined)
    await device.untilAcked([1, 2, 3])
    expect(seen).toEqual(['m1', 'm2', 'm3'])
    expect(pacing.paused).toBe(0)
  })

  it('reads again after a pause during which other packets of the same read were answered', async () => {
    const first = deferred<undefined>()
    const { seen, port } = await startBroker(payload => payload === 'm1' ? first.promise : null)
    const device = await connectDevice(port)
    const together = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']
    device.publish(1, ...together)
    await device.untilAcked([2, 3, 4, 5, 6])
    expect(seen).toEqual(together)
    first.resolve(undefined)
    await device.untilAcked([1])
    // aedes counts packets in progress per read; those answered while paused were never counted down.
    device.publish(7, 'm7')
    await device.untilAcked([7])
    expect(seen).toEqual([...together, 'm7'])
  })
})
