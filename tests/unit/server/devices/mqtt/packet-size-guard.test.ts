// The packet size guard follows MQTT packet boundaries across chunks and reports the first oversized packet.
import mqttPacket from 'mqtt-packet'
import { describe, expect, it } from 'vitest'
import { PacketSizeGuard } from '../../../../../server/devices/mqtt/packet-size-guard'

const publish = (bytes: number) => mqttPacket.generate({ cmd: 'publish', topic: 't', payload: Buffer.alloc(bytes), qos: 0, dup: false, retain: false })

describe('PacketSizeGuard', () => {
  it('lets packets up to the limit through, also split into single bytes', () => {
    const guard = new PacketSizeGuard(1000)
    const stream = Buffer.concat([publish(10), publish(995), mqttPacket.generate({ cmd: 'pingreq' }), publish(300)])
    for (const byte of stream) expect(guard.inspect(Buffer.of(byte))).toBeNull()
  })

  it('reports a packet over the limit from its header, before its body arrives', () => {
    const guard = new PacketSizeGuard(1000)
    expect(guard.inspect(publish(10))).toBeNull()
    const big = publish(5000)
    expect(guard.inspect(big.subarray(0, 4))).toBe(5003)
  })

  it('reports a remaining length longer than four bytes as malformed', () => {
    expect(new PacketSizeGuard(1000).inspect(Buffer.of(0x30, 0x80, 0x80, 0x80, 0x80, 0x01))).toBe(Infinity)
  })
})
