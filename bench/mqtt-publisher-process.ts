// A load-generator process of the `mqtt` scenario: `clients` MQTT devices, each publishing one telemetry
// sample every 1/rate s at QoS 1 for `seconds`; the sample's value is its publish time (ms), so a browser that
// receives it knows the latency. Replies with how many messages were acknowledged (stored) and when.
import { connectAsync } from 'mqtt'
import type { MqttClient } from 'mqtt'

export interface PublisherPlan {
  url: string
  token: string
  topics: string[]
  clients: number
  rate: number
  seconds: number
  batch: number
}

export interface PublisherReply {
  connected: number
  sent: number
  acked: number
  failed: number
  /** Acknowledgements per whole second since the start of publishing. */
  ackedPerSecond: number[]
}

async function run(plan: PublisherPlan): Promise<PublisherReply> {
  const clients: MqttClient[] = []
  for (let first = 0; first < plan.clients; first += plan.batch) {
    const batch = Array.from({ length: Math.min(plan.batch, plan.clients - first) }, () =>
      connectAsync(plan.url, { username: plan.token, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 30_000 }))
    clients.push(...await Promise.all(batch))
  }
  process.send!({ ready: true })
  await new Promise(resolve => process.once('message', resolve))
  const reply: PublisherReply = { connected: clients.length, sent: 0, acked: 0, failed: 0, ackedPerSecond: [] }
  const started = Date.now()
  const publishing = clients.map(async (client, index) => {
    const topic = plan.topics[index % plan.topics.length]!
    const pending: Array<Promise<void>> = []
    // Spread the clients over one interval, so the load is even rather than in bursts.
    const offset = (index / clients.length) * (1000 / plan.rate)
    for (let n = 0; n < plan.rate * plan.seconds; n++) {
      const due = started + offset + (n * 1000) / plan.rate
      const wait = due - Date.now()
      if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
      reply.sent += 1
      pending.push(client.publishAsync(topic, `{"bench":${Date.now()}}`, { qos: 1 }).then(() => {
        reply.acked += 1
        const second = Math.floor((Date.now() - started) / 1000)
        reply.ackedPerSecond[second] = (reply.ackedPerSecond[second] ?? 0) + 1
      }, () => {
        reply.failed += 1
      }))
    }
    await Promise.race([Promise.all(pending), new Promise(resolve => setTimeout(resolve, 30_000))])
  })
  await Promise.all(publishing)
  await Promise.all(clients.map(client => client.endAsync(true)))
  return reply
}

process.once('message', (plan: PublisherPlan) => {
  run(plan).then(reply => process.send!({ reply }), (error: Error) => process.send!({ error: error.message }))
})
