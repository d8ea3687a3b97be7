// Who is on which channel: over the whole cluster when clustered and Redis is up, else on this node.
import type { AppState } from '../app-state'
import { clusterMembers, clusterSubscriptionCounts } from '../cluster/cluster-queries'

export interface Occupancy {
  /** Subscriptions per occupied channel. */
  subscriptions: Map<string, number>
  /** User ids of a presence channel's members. */
  members: (channel: string) => Promise<string[]>
}

/** The occupancy the HTTP API reports. */
export async function occupancyOf(state: AppState): Promise<Occupancy> {
  const cluster = state.cluster?.healthy ? state.cluster : null
  if (cluster) {
    try {
      return { subscriptions: await clusterSubscriptionCounts(cluster), members: channel => clusterMembers(cluster, channel) }
    }
    catch {
      // Redis went away between the check and the read: this node's view is the best answer left.
    }
  }
  return {
    subscriptions: new Map([...state.channels.all()].map(channel => [channel.name, channel.subscribers.size])),
    members: async channel => state.channels.find(channel)?.presence?.ids() ?? [],
  }
}
