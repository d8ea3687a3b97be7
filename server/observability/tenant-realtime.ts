// A tenant's share of this node's realtime server: the sockets of its users and the channels they listen to.
import type { AppState } from '../realtime/app-state'

/** Sockets signed for (or signed in as) one of `userIds`, and the channels those sockets are subscribed to. */
export function tenantRealtimeFigures(state: AppState, userIds: ReadonlySet<string>): { connections: number, channels: number } {
  let connections = 0
  const channels = new Set<string>()
  for (const connection of state.connections.values()) {
    const owned = (connection.user && userIds.has(connection.user.id)) || connection.bindings.some(binding => userIds.has(binding.userId))
    if (!owned) continue
    connections += 1
    for (const name of connection.channels) channels.add(name)
  }
  return { connections, channels: channels.size }
}
