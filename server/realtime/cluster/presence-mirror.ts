// This node's copy of every presence channel's members in the cluster, following the bus.

export class PresenceMirror {
  private readonly channels = new Map<string, Map<string, unknown>>()

  /** Replaces a channel's members with what Redis holds (on subscribe after a reconnect, or first use). */
  load(channel: string, members: Record<string, string>): void {
    const map = new Map<string, unknown>()
    for (const [userId, info] of Object.entries(members)) map.set(userId, parseInfo(info))
    if (map.size > 0) this.channels.set(channel, map)
    else this.channels.delete(channel)
  }

  /** A user joined somewhere in the cluster. */
  add(channel: string, userId: string, info: unknown): void {
    let members = this.channels.get(channel)
    if (!members) this.channels.set(channel, members = new Map())
    members.set(userId, info)
  }

  /** A user's last socket left the channel. */
  remove(channel: string, userId: string): void {
    const members = this.channels.get(channel)
    if (!members?.delete(userId)) return
    if (members.size === 0) this.channels.delete(channel)
  }

  /** Every presence channel known here. */
  known(): string[] {
    return [...this.channels.keys()]
  }

  /** The `presence` object of `subscription_succeeded`, with the joining user added if not yet listed. */
  snapshot(channel: string, joining?: { userId: string, info: unknown }): { ids: string[], hash: Record<string, unknown>, count: number } {
    const hash: Record<string, unknown> = Object.fromEntries(this.channels.get(channel) ?? [])
    if (joining && !(joining.userId in hash)) hash[joining.userId] = joining.info
    const ids = Object.keys(hash)
    return { ids, hash, count: ids.length }
  }
}

/** user_info as stored (JSON text), back to a value. */
export function parseInfo(info: string): unknown {
  try {
    return JSON.parse(info)
  }
  catch {
    return null
  }
}
