// Connected trackers by vehicle, and Codec 12 commands delivered over them one at a time.
import { encodeCommand } from './codec12'
import type { TrackerConnection } from './tracker-connection'

/** Where commands come from and their answers go (the domain in production). */
export interface CommandSource {
  /** The vehicle's next queued command, now marked sent; null when none waits. */
  take: (vehicleId: number) => Promise<{ id: number, text: string } | null>
  finish: (commandId: number, response: string) => Promise<unknown>
}

interface Session {
  connection: TrackerConnection
  /** The command sent and not answered yet: Codec 12 answers carry no id, so one at a time. */
  inFlight: number | null
  taking: boolean
}

export class TrackerSessions {
  private readonly sessions = new Map<number, Session>()

  constructor(private readonly source: CommandSource, private readonly log: (message: string) => void) {}

  /** A tracker of `vehicleId` connected: its queued commands go out now. */
  attach(vehicleId: number, connection: TrackerConnection): void {
    this.sessions.set(vehicleId, { connection, inFlight: null, taking: false })
    void this.deliver(vehicleId)
  }

  /** The connection closed; a command in flight stays sent and times out unless answered on a new connection. */
  detach(connection: TrackerConnection): void {
    for (const [vehicleId, session] of this.sessions) if (session.connection === connection) this.sessions.delete(vehicleId)
  }

  /** Sends the vehicle's next queued command if its tracker is connected here and idle. */
  async deliver(vehicleId: number): Promise<void> {
    const session = this.sessions.get(vehicleId)
    if (!session || session.inFlight !== null || session.taking) return
    session.taking = true
    try {
      const command = await this.source.take(vehicleId)
      if (!command) return
      session.inFlight = command.id
      if (!session.connection.send(encodeCommand(command.text))) this.log(`Teltonika vehicle ${vehicleId}: command ${command.id} lost with its connection`)
    }
    catch (error) {
      this.log(`Teltonika vehicle ${vehicleId}: command delivery failed: ${(error as Error).message}`)
    }
    finally {
      session.taking = false
    }
  }

  /** The tracker answered: the command in flight is finished with `text`, and the next one goes out. */
  async response(vehicleId: number, text: string): Promise<void> {
    const session = this.sessions.get(vehicleId)
    if (!session || session.inFlight === null) {
      this.log(`Teltonika vehicle ${vehicleId}: an answer to no command in flight: ${JSON.stringify(text.slice(0, 200))}`)
      return
    }
    const commandId = session.inFlight
    session.inFlight = null
    await this.source.finish(commandId, text)
    await this.deliver(vehicleId)
  }
}
