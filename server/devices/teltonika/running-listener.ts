// The Teltonika listener of this process, if one runs: its port (for the simulator) and its command delivery (for the REST route).
import type { TrackerSessions } from './tracker-sessions'

let running: { port: number, sessions: TrackerSessions } | null = null

/** Records the started listener (null once it stopped). */
export function setRunningListener(listener: { port: number, sessions: TrackerSessions } | null): void {
  running = listener
}

/** The port trackers connect to, or null while no listener runs here. */
export function runningListenerPort(): number | null {
  return running?.port ?? null
}

/** Tells the listener, if one runs in this process, that the vehicle has a new queued command. */
export function vehicleCommandQueued(vehicleId: number): void {
  void running?.sessions.deliver(vehicleId)
}
