// Redis key names of one app's cluster state; every node of the app agrees on them.

/** The keys and the pub/sub channel of an app, under `lookout:{appId}:`. */
export function clusterKeys(appId: string) {
  const base = `lookout:${appId}:`
  return {
    /** Pub/sub channel carrying events, presence changes and control messages to every node. */
    bus: `${base}bus`,
    /** Names the offset sequences; a Redis that lost its data gets a new one. */
    epoch: `${base}epoch`,
    /** Hash: channel -> newest offset. */
    offsets: `${base}offsets`,
    /** Stream of a channel's events, the id of each being `<offset>-0`. */
    history: (channel: string) => `${base}history:${channel}`,
    /** Hash: channel -> subscriptions over all nodes. */
    subscriptions: `${base}subscriptions`,
    /** Hash: presence channel -> how many sockets each user has in it, over all nodes (`user` fields). */
    presenceSockets: (channel: string) => `${base}presence:${channel}:sockets`,
    /** Hash: presence channel -> user_info of each member. */
    presenceInfo: (channel: string) => `${base}presence:${channel}:info`,
    /** Hash: node -> JSON { at, connections } of each live node. */
    nodes: `${base}nodes`,
    /** Hash of one node: `channel` -> its subscriptions there, and `channel\nuser` -> its presence sockets there. */
    nodeState: (node: string) => `${base}node:${node}`,
    /** Prefix of the presence keys, for scripts that build them from a channel name. */
    base,
  }
}

export type ClusterKeys = ReturnType<typeof clusterKeys>
