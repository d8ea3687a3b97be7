// Pings silent sockets and closes those that do not answer (4201).
import type { Connection } from './connection'
import { serverFrame } from './frames'
import { ErrorCode } from './protocol-errors'

const PING = serverFrame('pusher:ping', {})

/** Checks one socket; returns true when it was closed for not answering a ping. */
export function checkLiveness(connection: Connection, now: number): boolean {
  const { activityTimeout, pongTimeout } = connection.app
  if (connection.pingSentAt !== null) {
    if (now - connection.pingSentAt < pongTimeout * 1000) return false
    connection.close(ErrorCode.PongTimeout, 'Pong reply not received in time')
    return true
  }
  if (now - connection.lastActivityAt >= activityTimeout * 1000) {
    connection.pingSentAt = now
    connection.send(PING)
  }
  return false
}
