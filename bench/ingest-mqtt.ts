// The ingest scenario's MQTT phase: the same samples as the HTTP phase, published by the three bench nodes on
// `lookout/nodes/{uid}/telemetry` (`{"samples": [...]}`, QoS 1: the broker acknowledges a message once it is stored),
// each batch of 1 000 split per node, a fixed number of batches in flight; samples/s, server CPU per sample, p99 of
// the time from publishing a batch to its last acknowledgement.
import { connectAsync } from 'mqtt'
import type { MqttClient } from 'mqtt'
import type { BenchServer } from './bench-server'
import { BENCH_NODES, samplesPerNode } from './ingest-data'
import type { BenchSample } from './ingest-data'
import { distribution } from './percentiles'
import type { Distribution } from './percentiles'
import { readCpuTimes } from './process-stats'

export interface MqttIngestResult {
  samples: number
  seconds: number
  cpuSeconds: number
  /** Publish of a batch -> its last node's PUBACK. */
  latency: Distribution
}

/** A batch's messages, one per node, as [uid, payload] pairs. */
export interface MqttBatch {
  samples: number
  messages: Array<[string, string]>
}

/** Each batch as one message per node, built before any connection exists (see ingest.ts). */
export function mqttBatches(batches: BenchSample[][]): MqttBatch[] {
  return batches.map(samples => ({
    samples: samples.length,
    messages: [...samplesPerNode(samples)].map(([uid, list]) => [uid, JSON.stringify({ samples: list })]),
  }))
}

/** Publishes `batches` as the bench nodes with `token`, `inFlight` batches at a time. */
export async function publishBatches(server: BenchServer, mqttPort: number, token: string, batches: MqttBatch[], inFlight: number): Promise<MqttIngestResult> {
  const clients = new Map<string, MqttClient>()
  try {
    for (const uid of BENCH_NODES) {
      clients.set(uid, await connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { username: token, clientId: `bench-${uid}`, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 30_000 }))
    }
    const latencies: number[] = []
    let next = 0
    let samples = 0
    const before = readCpuTimes(server.process.pid)
    const started = performance.now()
    const publisher = async () => {
      for (let batch = next++; batch < batches.length; batch = next++) {
        const sent = performance.now()
        await Promise.all(batches[batch]!.messages.map(([uid, payload]) => clients.get(uid)!.publishAsync(`lookout/nodes/${uid}/telemetry`, payload, { qos: 1 })))
        latencies.push(performance.now() - sent)
        samples += batches[batch]!.samples
      }
    }
    await Promise.all(Array.from({ length: inFlight }, publisher))
    const seconds = (performance.now() - started) / 1000
    const after = readCpuTimes(server.process.pid)
    return { samples, seconds, cpuSeconds: after.user + after.system - before.user - before.system, latency: distribution(latencies) }
  }
  finally {
    await Promise.all([...clients.values()].map(client => client.endAsync()))
  }
}
