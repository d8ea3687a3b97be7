// Presence bookkeeping: users (not sockets) in a channel, so joins and leaves are announced once.

export interface PresenceMember {
  info: unknown
  sockets: number
}

export class PresenceMembers {
  private readonly members = new Map<string, PresenceMember>()

  /** Adds a socket of `userId`; true when this is the user's first socket (announce the join). */
  add(userId: string, info: unknown): boolean {
    const member = this.members.get(userId)
    if (member) {
      member.sockets += 1
      member.info = info
      return false
    }
    this.members.set(userId, { info, sockets: 1 })
    return true
  }

  /** Removes a socket of `userId`; true when it was the user's last (announce the leave). */
  remove(userId: string): boolean {
    const member = this.members.get(userId)
    if (!member) return false
    member.sockets -= 1
    if (member.sockets > 0) return false
    this.members.delete(userId)
    return true
  }

  get count(): number {
    return this.members.size
  }

  ids(): string[] {
    return [...this.members.keys()]
  }

  /** The `presence` object of `pusher_internal:subscription_succeeded`. */
  snapshot(): { ids: string[], hash: Record<string, unknown>, count: number } {
    const hash: Record<string, unknown> = {}
    for (const [id, member] of this.members) hash[id] = member.info ?? null
    return { ids: this.ids(), hash, count: this.members.size }
  }
}
