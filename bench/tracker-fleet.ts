// N raw TCP trackers in the load generator: handshake, one Codec 8 record per second each, ack latency per packet.
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { encodeAvlPacket } from '../server/devices/teltonika/avl-encoder'
import { nowMs, sleep } from './clock'

interface Tracker {
  socket: Socket
  /** Send times of packets waiting for their ack, oldest first. */
  waiting: number[]
  received: Buffer
}

export interface TrackerPhase {
  sent: number
  acked: number
  /** Ack latencies in ms (packet written -> ack read). */
  latencies: number[]
}

function openTracker(port: number, imei: string, onAck: (tracker: Tracker) => void): Promise<Tracker> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const tracker: Tracker = { socket, waiting: [], received: Buffer.alloc(0) }
    let accepted = false
    socket.once('error', reject)
    socket.on('connect', () => {
      const head = Buffer.alloc(2)
      head.writeUInt16BE(imei.length)
      socket.write(Buffer.concat([head, Buffer.from(imei)]))
    })
    socket.on('data', (chunk) => {
      tracker.received = Buffer.concat([tracker.received, chunk])
      if (!accepted) {
        if (tracker.received[0] !== 1) return reject(new Error(`IMEI ${imei} refused`))
        accepted = true
        tracker.received = tracker.received.subarray(1)
        resolve(tracker)
      }
      while (tracker.received.length >= 4) {
        tracker.received = tracker.received.subarray(4)
        onAck(tracker)
      }
    })
  })
}

export class TrackerFleet {
  private trackers: Tracker[] = []
  private phase: TrackerPhase = { sent: 0, acked: 0, latencies: [] }

  /** Connects `imeis.length` trackers, `batch` handshakes at a time; resolves when all were accepted. */
  async connect(port: number, imeis: string[], batch: number): Promise<void> {
    for (let start = 0; start < imeis.length; start += batch) {
      this.trackers.push(...await Promise.all(imeis.slice(start, start + batch).map(imei => openTracker(port, imei, tracker => this.acked(tracker)))))
    }
  }

  /** Every tracker sends one one-record packet per second for `seconds`, spread evenly over each second; then waits up to 30 s for the last acks. */
  async run(seconds: number): Promise<TrackerPhase> {
    this.phase = { sent: 0, acked: 0, latencies: [] }
    const slots = 50
    const start = nowMs()
    for (let tick = 0; tick < seconds * slots; tick++) {
      const due = start + (tick * 1000) / slots
      if (due > nowMs()) await sleep(due - nowMs())
      for (let index = tick % slots; index < this.trackers.length; index += slots) this.send(this.trackers[index]!)
    }
    const deadline = nowMs() + 30_000
    while (this.phase.acked < this.phase.sent && nowMs() < deadline) await sleep(50)
    return this.phase
  }

  close(): void {
    for (const tracker of this.trackers) tracker.socket.destroy()
  }

  private send(tracker: Tracker): void {
    const at = Date.now()
    const record = { timestamp: at, priority: 0, longitudeE7: 45_000_000 + (at % 1000), latitudeE7: 521_000_000, altitude: 5, angle: 90, satellites: 9, speed: 40, eventIoId: 0, io: [] }
    tracker.waiting.push(nowMs())
    this.phase.sent += 1
    tracker.socket.write(encodeAvlPacket({ codec: 0x08, records: [record] }))
  }

  private acked(tracker: Tracker): void {
    const sentAt = tracker.waiting.shift()
    if (sentAt === undefined) return
    this.phase.acked += 1
    this.phase.latencies.push(nowMs() - sentAt)
  }
}
