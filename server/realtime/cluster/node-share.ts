// A node's share of the cluster's state, as NODE_STATE sets it in Redis: what this node's sockets hold.
import type { LocalNode } from '../broker'

/** `channel` -> subscriptions here, `channel\nuser` -> that user's presence sockets here (with their user_info). */
export interface NodeShare {
  fields: Record<string, number>
  info: Record<string, string>
}

/** The share of a node that holds nothing (a node leaving, or a dead one being cleaned up). */
export const EMPTY_SHARE: NodeShare = { fields: {}, info: {} }

/** This node's subscriptions per channel and presence sockets per channel and user. */
export function localShare(node: LocalNode): NodeShare {
  const fields: Record<string, number> = {}
  const info: Record<string, string> = {}
  for (const channel of node.channels.all()) {
    fields[channel.name] = channel.subscribers.size
    for (const connection of channel.subscribers) {
      const userId = connection.presenceUserIds.get(channel.name)
      if (userId === undefined) continue
      const field = `${channel.name}\n${userId}`
      fields[field] = (fields[field] ?? 0) + 1
      info[field] = JSON.stringify(channel.presence?.snapshot().hash[userId] ?? null)
    }
  }
  return { fields, info }
}
