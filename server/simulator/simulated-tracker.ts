// A simulated Teltonika tracker: connects over TCP, sends Codec 8 packets, resends what was not acked,
// and answers Codec 12 commands, exercising the listener exactly as a real device does.
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { encodeAvlPacket } from '../devices/teltonika/avl-encoder'
import type { AvlRecord } from '../devices/teltonika/avl-record'
import { CODEC_8, MAX_RECORDS_PER_PACKET } from '../devices/teltonika/avl-record'
import { decodeCommand, encodeCommandResponse } from '../devices/teltonika/codec12'

/** What a real FMB answers to the commands the simulator knows; anything else gets an echo. */
function answerTo(command: string): string {
  const digout = /^setdigout ([01])/.exec(command)
  return digout ? `DOUT1:${digout[1]} Timeout:Infinity` : `Simulated tracker: ${command} done`
}

export class SimulatedTracker {
  /** Records not yet acknowledged, oldest first; the next packet carries them. */
  private readonly unacked: AvlRecord[] = []
  private socket: Socket | null = null
  private accepted = false
  private inFlight = 0
  private received: Buffer = Buffer.alloc(0)
  private stopped = false

  constructor(private readonly imei: string, private readonly port: () => number | null, private readonly log: (message: string) => void) {}

  /** Queues a record and sends what is waiting once connected; false when no listener runs (report otherwise). */
  report(record: AvlRecord): boolean {
    if (this.port() === null || this.stopped) return false
    this.unacked.push(record)
    // A tracker's memory is finite too: the oldest records go first.
    if (this.unacked.length > 10 * MAX_RECORDS_PER_PACKET) this.unacked.splice(0, this.unacked.length - 10 * MAX_RECORDS_PER_PACKET)
    if (!this.socket) this.connect()
    else this.flush()
    return true
  }

  stop(): void {
    this.stopped = true
    this.socket?.destroy()
  }

  private connect(): void {
    const port = this.port()
    if (port === null) return
    const socket = connect(port, '127.0.0.1')
    this.socket = socket
    socket.on('connect', () => {
      const head = Buffer.alloc(2)
      head.writeUInt16BE(this.imei.length)
      socket.write(Buffer.concat([head, Buffer.from(this.imei, 'ascii')]))
    })
    socket.on('data', (chunk) => {
      this.received = Buffer.concat([this.received, chunk])
      if (!this.accepted) {
        if (this.received[0] !== 1) {
          this.log(`simulated tracker ${this.imei} was refused`)
          this.stop()
          return
        }
        this.accepted = true
        this.received = this.received.subarray(1)
        this.flush()
      }
      this.readAnswers(socket)
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      // Unacked records stay queued and go out again after reconnecting: the listener must not store them twice.
      this.socket = null
      this.accepted = false
      this.inFlight = 0
      this.received = Buffer.alloc(0)
    })
  }

  // Acks are a non-zero 4-byte count; Codec 12 commands start with 4 zero bytes and carry their length.
  private readAnswers(socket: Socket): void {
    while (this.received.length >= 4) {
      const ack = this.received.readUInt32BE(0)
      if (ack !== 0) {
        this.received = this.received.subarray(4)
        if (ack === this.inFlight) this.unacked.splice(0, this.inFlight)
        this.inFlight = 0
        this.flush()
        continue
      }
      if (this.received.length < 8) return
      const total = 8 + this.received.readUInt32BE(4) + 4
      if (this.received.length < total) return
      const data = this.received.subarray(8, total - 4)
      this.received = this.received.subarray(total)
      try {
        socket.write(encodeCommandResponse(answerTo(decodeCommand(data))))
      }
      catch {
        this.log(`simulated tracker ${this.imei}: ignored a packet that is not a command`)
      }
    }
  }

  private flush(): void {
    if (!this.socket || !this.accepted || this.inFlight > 0 || this.unacked.length === 0) return
    const records = this.unacked.slice(0, MAX_RECORDS_PER_PACKET)
    this.inFlight = records.length
    this.socket.write(encodeAvlPacket({ codec: CODEC_8, records }))
  }
}
