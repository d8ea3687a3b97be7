// A hand-driven MQTT 3.1.1 client (mqtt-packet on a socket) for what the `mqtt` package never does on
// request: re-send a PUBLISH with the DUP flag and the same packet id, as a device does after a lost PUBACK.
import { createConnection } from 'node:net'
import type { Socket } from 'node:net'
import mqttPacket from 'mqtt-packet'

export interface RawMqttClient {
  /** Sends a QoS 1 PUBLISH and waits (10 s at most) for its PUBACK. */
  publishQos1: (topic: string, payload: string, messageId: number, dup: boolean) => Promise<void>
  close: () => void
}

/** Connects with `username` as the credentials and waits for an accepting CONNACK. */
export async function connectRaw(port: number, clientId: string, username: string): Promise<RawMqttClient> {
  const socket: Socket = createConnection({ host: '127.0.0.1', port })
  const parser = mqttPacket.parser({ protocolVersion: 4 })
  const waiting = new Map<string, () => void>()
  parser.on('packet', (packet: mqttPacket.Packet) => {
    const key = packet.cmd === 'puback' ? `puback:${packet.messageId}` : packet.cmd
    waiting.get(key)?.()
    waiting.delete(key)
  })
  socket.on('data', chunk => parser.parse(chunk))
  const until = (key: string) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${key} in 10 s`)), 10_000)
    waiting.set(key, () => {
      clearTimeout(timer)
      resolve()
    })
  })
  const connack = until('connack')
  socket.write(mqttPacket.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: false, clientId, keepalive: 60, username }))
  await connack
  return {
    publishQos1: async (topic, payload, messageId, dup) => {
      const acked = until(`puback:${messageId}`)
      socket.write(mqttPacket.generate({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, dup, retain: false, messageId }))
      await acked
    },
    close: () => socket.destroy(),
  }
}
