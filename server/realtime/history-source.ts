// Where missed events are read from: Redis streams in a cluster (any node answers the same), else this node.
import type { HistoryPage } from '../../shared/realtime-protocol'
import type { AppState } from './app-state'
import { clusterHistory } from './cluster/cluster-queries'

/** The history reader of an app. */
export function historyOf(state: AppState): { since: (channel: string, after: number, epoch?: string) => Promise<HistoryPage> } {
  return {
    since: async (channel, after, epoch) => {
      if (!state.cluster) return state.history.since(channel, after, epoch)
      return clusterHistory(state.cluster, channel, after, epoch, state.history.maxAgeMs)
    },
  }
}
