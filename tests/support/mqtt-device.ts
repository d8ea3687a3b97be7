// MQTT devices for integration tests: `mqtt` clients with bounded waits, and the MQTT metrics of a server.
import type { IClientOptions, MqttClient } from 'mqtt'
import { connect, connectAsync } from 'mqtt'

/** Connects to `url` (`mqtt://127.0.0.1:<port>`), failing after 10 s; no automatic reconnects. */
export function connectDevice(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return connectAsync(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 10_000, ...options }, false)
}

/** The CONNACK return code a connection attempt got (0 when it was accepted, then closed again). */
export async function connackCode(url: string, options: IClientOptions): Promise<number> {
  try {
    const client = await connectDevice(url, options)
    await client.endAsync()
    return 0
  }
  catch (error) {
    return (error as { code?: number }).code ?? -1
  }
}

/** Collects the messages `client` receives on `topic` (already subscribed, or subscribed by the caller). */
export function collectMessages(client: MqttClient, topic: string): Array<{ payload: string }> {
  const received: Array<{ payload: string }> = []
  client.on('message', (name, payload) => {
    if (name === topic) received.push({ payload: payload.toString() })
  })
  return received
}

/**
 * Connects a device that collects what arrives on `topic` from the first packet on: a persistent session's
 * queued messages come right after the CONNACK, before a listener added after connecting would hear them.
 */
export async function connectCollecting(url: string, options: IClientOptions, topic: string): Promise<{ client: MqttClient, received: Array<{ payload: string }> }> {
  const client = connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 10_000, ...options })
  const received = collectMessages(client, topic)
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve())
    client.once('error', reject)
  })
  return { client, received }
}

/** Polls `read` every 100 ms until `done` accepts its value; fails with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`)
    await new Promise(resolve => setTimeout(resolve, 100))
    value = await read()
  }
  return value
}

/** The value of `lookout_mqtt_messages_total` for a topic kind and outcome (0 when not counted yet). */
export async function mqttMessageCount(serverUrl: string, kind: string, outcome: string): Promise<number> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text()
  const line = text.split('\n').find(entry => entry.startsWith(`lookout_mqtt_messages_total{kind="${kind}",outcome="${outcome}"}`))
  return line ? Number(line.split(' ').at(-1)) : 0
}

/** The QoS the broker granted each of `topics` (128: refused); the `mqtt` package rejects a SUBACK with a refusal. */
export async function subscriptionGrants(client: MqttClient, topics: string[]): Promise<number[]> {
  try {
    return (await client.subscribeAsync(topics, { qos: 1 })).map(grant => grant.qos)
  }
  catch (error) {
    const granted = (error as { packet?: { granted?: Array<number | object> } }).packet?.granted
    if (!granted) throw error
    return granted.map(grant => typeof grant === 'number' ? grant : -1)
  }
}
