// A channel with subscribers on this node; presence channels also track their members.
import { channelKind } from './channel-name'
import type { Connection } from './connection'
import { PresenceMembers } from './presence-members'

export class Channel {
  readonly subscribers = new Set<Connection>()
  readonly presence: PresenceMembers | null

  constructor(readonly name: string) {
    this.presence = channelKind(name) === 'presence' ? new PresenceMembers() : null
  }

  get occupied(): boolean {
    return this.subscribers.size > 0
  }
}

/** The channels of one app that have at least one subscriber here. */
export class ChannelRegistry {
  private readonly channels = new Map<string, Channel>()

  /** The channel, created on first use. */
  obtain(name: string): Channel {
    let channel = this.channels.get(name)
    if (!channel) {
      channel = new Channel(name)
      this.channels.set(name, channel)
    }
    return channel
  }

  find(name: string): Channel | undefined {
    return this.channels.get(name)
  }

  /** Forgets a channel once its last subscriber has left. */
  releaseIfEmpty(channel: Channel): void {
    if (!channel.occupied) this.channels.delete(channel.name)
  }

  all(): IterableIterator<Channel> {
    return this.channels.values()
  }

  get size(): number {
    return this.channels.size
  }
}
