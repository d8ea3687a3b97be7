// The connection state machine with a recording backend and socket: handshake, acks after storing, CRC, errors, random bytes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeAvlPacket } from '../../../../../server/devices/teltonika/avl-encoder'
import { encodeCommandResponse } from '../../../../../server/devices/teltonika/codec12'
import { crc16Ibm } from '../../../../../server/devices/teltonika/crc16'
import { HandshakeRefusals } from '../../../../../server/devices/teltonika/handshake-refusals'
import type { TrackerBackend } from '../../../../../server/devices/teltonika/tracker-connection'
import { TrackerConnection } from '../../../../../server/devices/teltonika/tracker-connection'
import { fixRecord } from '../../../../support/tracker-client'
import { HANDSHAKE_123456789012345 } from './public-vectors'

const NOW = new Date('2026-12-05T12:00:00Z')

function harness(options: { storeFails?: boolean, refusals?: HandshakeRefusals } = {}) {
  const written: Buffer[] = []
  const stored: unknown[][] = []
  const responses: string[] = []
  const logs: string[] = []
  const socket = { destroyed: false, ended: false, paused: false }
  const backend: TrackerBackend = {
    identify: async imei => imei === '123456789012345' ? { id: 7, tenantId: 2 } : null,
    store: async (_vehicle, positions) => {
      if (options.storeFails) throw new Error('database unavailable')
      stored.push(positions)
    },
    commandResponse: async (_vehicle, text) => { responses.push(text) },
  }
  const connection = new TrackerConnection({
    write: (bytes: Buffer) => written.push(Buffer.from(bytes)),
    end: () => { socket.ended = true },
    destroy: () => { socket.destroyed = true },
    pause: () => { socket.paused = true },
    resume: () => { socket.paused = false },
  }, backend, { address: '192.0.2.1', refusals: options.refusals ?? new HandshakeRefusals(), log: message => logs.push(message), now: () => NOW })
  return { connection, written, stored, responses, logs, socket }
}

const handshake = Buffer.from(HANDSHAKE_123456789012345, 'hex')
const packet = (count: number) => encodeAvlPacket({ codec: 0x08, records: Array.from({ length: count }, (_, i) => fixRecord(new Date(NOW.getTime() - (count - i) * 1000), 52, 4)) })

describe('TrackerConnection', () => {
  it('accepts a known IMEI with 0x01, stores a packet and then acks its record count', async () => {
    const h = harness()
    h.connection.receive(Buffer.concat([handshake, packet(3)]))
    await h.connection.settled()
    expect(h.written.map(bytes => bytes.toString('hex'))).toEqual(['01', '00000003'])
    expect(h.stored).toHaveLength(1)
    expect(h.stored[0]!.map(position => (position as { at: string }).at)).toEqual(['2026-12-05T11:59:57.000Z', '2026-12-05T11:59:58.000Z', '2026-12-05T11:59:59.000Z'])
    expect(h.socket.paused).toBe(false)
  })

  it('refuses an unknown IMEI with 0x00, ends the connection and logs the address', async () => {
    const h = harness()
    h.connection.receive(Buffer.from('000f333539393939393939393939393939', 'hex'))
    await h.connection.settled()
    expect(h.written.map(bytes => bytes.toString('hex'))).toEqual(['00'])
    expect(h.socket.ended).toBe(true)
    expect(h.logs[0]).toContain('192.0.2.1')
  })

  it('logs refusals of one address only up to the limit and then refuses without a lookup', async () => {
    const refusals = new HandshakeRefusals(2)
    const logs: string[] = []
    for (let i = 0; i < 4; i++) {
      const h = harness({ refusals })
      h.connection.receive(Buffer.from('000f333539393939393939393939393939', 'hex'))
      await h.connection.settled()
      logs.push(...h.logs)
      expect(h.written[0]!.toString('hex')).toBe('00')
    }
    expect(logs).toHaveLength(2)
    expect(refusals.blocked('192.0.2.1')).toBe(true)
  })

  it('sends no ack when storing fails, so the tracker sends the packet again', async () => {
    const h = harness({ storeFails: true })
    h.connection.receive(Buffer.concat([handshake, packet(2)]))
    await h.connection.settled()
    expect(h.written.map(bytes => bytes.toString('hex'))).toEqual(['01'])
    expect(h.logs.join()).toContain('not stored: database unavailable')
  })

  it('acks records it skips as unusable (stamped far in the future) without storing them', async () => {
    const h = harness()
    const future = encodeAvlPacket({ codec: 0x08, records: [fixRecord(new Date(NOW.getTime() + 3_600_000), 52, 4)] })
    h.connection.receive(Buffer.concat([handshake, future]))
    await h.connection.settled()
    expect(h.written.map(bytes => bytes.toString('hex'))).toEqual(['01', '00000001'])
    expect(h.stored).toEqual([])
  })

  it('hands a Codec 12 response to the backend without an ack', async () => {
    const h = harness()
    h.connection.receive(Buffer.concat([handshake, encodeCommandResponse('DOUT1:1')]))
    await h.connection.settled()
    expect(h.responses).toEqual(['DOUT1:1'])
    expect(h.written).toHaveLength(1)
  })

  it('destroys the connection when a valid CRC wraps an unknown codec', async () => {
    const h = harness()
    const data = Buffer.from('10000000', 'hex')
    const unknown = Buffer.concat([Buffer.alloc(4), Buffer.from([0, 0, 0, 4]), data, Buffer.from([0, 0, 0, 0])])
    unknown.writeUInt32BE(crc16Ibm(data), 12)
    h.connection.receive(Buffer.concat([handshake, unknown]))
    await h.connection.settled()
    expect(h.socket.destroyed).toBe(true)
    expect(h.logs.join()).toContain('codec 0x10')
  })

  it('never throws and never answers random bytes after a handshake with anything but acks', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 6 }), async (chunks) => {
      const h = harness()
      h.connection.receive(handshake)
      for (const chunk of chunks) h.connection.receive(Buffer.from(chunk))
      await h.connection.settled()
      for (const bytes of h.written.slice(1)) expect(bytes.length).toBe(4)
    }), { numRuns: 500 })
  })
})
