// The two Redis connections of a node (commands, and the bus subscription) and whether both are up.
import { randomBytes } from 'node:crypto'
import Redis from 'ioredis'
import { HEARTBEAT, NODE_STATE, PRESENCE_JOIN, PRESENCE_LEAVE, PUBLISH, SUBSCRIPTIONS } from './scripts'

type Script = (...args: Array<string | number>) => Promise<unknown>

export interface ScriptedRedis extends Redis {
  lookoutPublish: Script
  lookoutPresenceJoin: Script
  lookoutPresenceLeave: Script
  lookoutSubscriptions: Script
  lookoutHeartbeat: Script
  lookoutNodeState: Script
}

/** Redis for one node: `up` is true while both connections are ready and subscribed. */
export class RedisLink {
  readonly commands: ScriptedRedis
  private readonly subscriber: Redis
  private wasUp = false

  constructor(url: string, private readonly bus: string, private readonly events: { onMessage: (raw: string) => void, onUp: () => void, onDown: (reason: string) => void }) {
    // Commands fail at once while Redis is away (the node then serves its own sockets), rather than queueing.
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(200 * times, 2000), connectionName: `lookout-${randomBytes(3).toString('hex')}` }
    this.commands = new Redis(url, options) as ScriptedRedis
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true })
    const scripts = { lookoutPublish: PUBLISH, lookoutPresenceJoin: PRESENCE_JOIN, lookoutPresenceLeave: PRESENCE_LEAVE, lookoutSubscriptions: SUBSCRIPTIONS, lookoutHeartbeat: HEARTBEAT, lookoutNodeState: NODE_STATE }
    for (const [name, lua] of Object.entries(scripts)) this.commands.defineCommand(name, { lua })
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.bus) this.events.onMessage(message)
    })
    for (const client of [this.commands, this.subscriber]) {
      client.on('ready', () => this.check())
      client.on('close', () => this.check())
      // ioredis reconnects by itself; errors are reported once through onDown.
      client.on('error', () => this.check())
    }
    void this.subscriber.subscribe(this.bus).then(() => this.check(), () => this.check())
  }

  /** True while both connections are ready. */
  get up(): boolean {
    return this.commands.status === 'ready' && this.subscriber.status === 'ready'
  }

  /** Closes both connections. */
  async close(): Promise<void> {
    this.wasUp = false
    await Promise.allSettled([this.commands.quit(), this.subscriber.quit()])
  }

  private check(): void {
    const up = this.up
    if (up === this.wasUp) return
    this.wasUp = up
    if (up) this.events.onUp()
    else this.events.onDown('Redis connection lost')
  }
}
