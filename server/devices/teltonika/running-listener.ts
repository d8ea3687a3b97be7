// The Teltonika listener of this process, if one runs: its port (for the simulator) and its command delivery
// (for the REST route), and in cluster mode the nudges that reach trackers connected to other instances.
import type { CommandNudges } from './command-nudges'
import type { TrackerSessions } from './tracker-sessions'

let running: { port: number, sessions: TrackerSessions } | null = null
let nudges: CommandNudges | null = null

/** Records the cluster's command nudges (null once closed). */
export function setCommandNudges(cluster: CommandNudges | null): void {
  nudges = cluster
}

/** Records the started listener (null once it stopped). */
export function setRunningListener(listener: { port: number, sessions: TrackerSessions } | null): void {
  running = listener
}

/** The port trackers connect to, or null while no listener runs here. */
export function runningListenerPort(): number | null {
  return running?.port ?? null
}

/** Tells the listener of this process, and in cluster mode every instance's, that the vehicle has a new queued command. */
export function vehicleCommandQueued(vehicleId: number): void {
  void running?.sessions.deliver(vehicleId)
  nudges?.publish(vehicleId)
}
