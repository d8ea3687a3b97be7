// The cluster changes that the Lua scripts' replies say this node's call made (see broker.ts, "Cluster changes").
import type { ClusterChange } from '../broker'

/** A subscription counted (+1) or ended (-1), given the cluster's count after it (SUBSCRIPTIONS' reply). */
export function subscriptionChange(channel: string, delta: 1 | -1, count: unknown): ClusterChange | null {
  if (delta === 1 && Number(count) === 1) return { name: 'channel_occupied', channel }
  if (delta === -1 && Number(count) === 0) return { name: 'channel_vacated', channel }
  return null
}

/** A presence socket joined, given the user's sockets in the cluster after it (PRESENCE_JOIN's reply). */
export function joinChange(channel: string, userId: string, sockets: unknown): ClusterChange | null {
  return Number(sockets) === 1 ? { name: 'member_added', channel, userId } : null
}

/** A presence socket left, given the user's sockets in the cluster after it (PRESENCE_LEAVE's reply). */
export function leaveChange(channel: string, userId: string, sockets: unknown): ClusterChange | null {
  return Number(sockets) <= 0 ? { name: 'member_removed', channel, userId } : null
}

/** The changes NODE_STATE made while setting a node's share: `{'o'|'v', channel}` and `{'a'|'r', channel, user}`. */
export function nodeStateChanges(reply: unknown): ClusterChange[] {
  if (!Array.isArray(reply)) return []
  const changes: ClusterChange[] = []
  for (const entry of reply) {
    if (!Array.isArray(entry)) continue
    const [kind, channel, userId] = entry.map(String)
    if (channel === undefined) continue
    if (kind === 'o') changes.push({ name: 'channel_occupied', channel })
    else if (kind === 'v') changes.push({ name: 'channel_vacated', channel })
    else if (kind === 'a' && userId !== undefined) changes.push({ name: 'member_added', channel, userId })
    else if (kind === 'r' && userId !== undefined) changes.push({ name: 'member_removed', channel, userId })
  }
  return changes
}
