// Commands for trackers connected to another instance (cluster mode, REDIS_URL): the instance that queued a
// command names its vehicle on a Redis channel, and every instance with a Teltonika listener sends the command
// if the vehicle's tracker is connected there. A missed nudge (Redis away) leaves the command queued, and the
// tracker gets it when it next connects, as when it was offline.
import { Redis } from 'ioredis'

const CHANNEL = 'lookout:teltonika:command-queued'

export class CommandNudges {
  private readonly publisher: Redis
  private readonly subscriber: Redis | null

  /** Connects to Redis; `onNudge` (null on an instance without a listener) hears every vehicle named by any instance. */
  constructor(redisUrl: string, onNudge: ((vehicleId: number) => void) | null, private readonly log: (message: string) => void) {
    // A nudge is worth nothing late: fail at once while Redis is away instead of queueing.
    this.publisher = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    this.publisher.on('error', () => {})
    this.subscriber = onNudge ? new Redis(redisUrl) : null
    if (this.subscriber && onNudge) {
      this.subscriber.on('error', () => {})
      this.subscriber.on('message', (_channel: string, message: string) => {
        const vehicleId = Number(message)
        if (Number.isInteger(vehicleId) && vehicleId > 0) onNudge(vehicleId)
      })
      void this.subscriber.subscribe(CHANNEL).catch(error => log(`Teltonika: could not subscribe to command nudges: ${(error as Error).message}`))
    }
  }

  /** Tells every instance that `vehicleId` has a new queued command. */
  publish(vehicleId: number): void {
    this.publisher.publish(CHANNEL, String(vehicleId)).catch(error => this.log(`Teltonika: command nudge for vehicle ${vehicleId} not sent (the tracker gets it when it reconnects): ${(error as Error).message}`))
  }

  close(): void {
    this.publisher.disconnect()
    this.subscriber?.disconnect()
  }
}
