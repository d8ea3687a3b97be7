// Hands queued commands to MQTT nodes: for each node with a queued command that can be reached over MQTT,
// the domain marks its commands `sent` (the same call as the HTTP fetch), and each goes out on the node's
// command topic at QoS 1 as `{"id", "kind", "params"}` once that is committed.
import { pendingCommands } from '../../domain/commands/pending-commands'
import type { CommandNode } from '../../domain/commands/queued-command-nodes'
import { nodesWithQueuedCommands } from '../../domain/commands/queued-command-nodes'
import type { DomainContext } from '../../domain/context'
import { runIngest } from '../../ingest/run-ingest'
import { mqttMetrics } from './mqtt-metrics'
import { commandTopic } from './topics'

/** How commands reach nodes: which nodes have a session to deliver to, and publishing. */
export interface CommandTransport {
  /** True when `node` has (or keeps, while offline) a subscription to its command topic. */
  reachable: (node: CommandNode) => Promise<boolean>
  /** Publishes at QoS 1; `tenantId` keeps the message to that tenant's subscribers. */
  publish: (topic: string, payload: string, tenantId: number) => Promise<void>
}

export class CommandDispatcher {
  private timer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private round: Promise<void> | null = null
  private again = false

  constructor(private readonly domain: () => Promise<DomainContext>, private readonly transport: CommandTransport, private readonly intervalMs: number) {}

  /** Looks for queued commands every interval until stopped. */
  start(): void {
    this.running = true
    this.schedule()
  }

  stop(): void {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
  }

  /** Looks at once (a node just subscribed); a look already under way is followed by another. */
  nudge(): void {
    if (!this.running) return
    if (this.round) {
      this.again = true
      return
    }
    if (this.timer) clearTimeout(this.timer)
    this.round = this.dispatch()
      .catch(error => console.error(`[lookout] mqtt: handing commands over failed: ${(error as Error).message}`))
      .finally(() => {
        this.round = null
        if (this.again) {
          this.again = false
          return this.nudge()
        }
        this.schedule()
      })
  }

  private schedule(): void {
    if (this.running) this.timer = setTimeout(() => this.nudge(), this.intervalMs)
  }

  private async dispatch(): Promise<void> {
    const ctx = await this.domain()
    for (const node of await nodesWithQueuedCommands(ctx.db, ctx.now())) {
      if (!await this.transport.reachable(node)) continue
      const handed = await runIngest(ctx, node.tenantId, pendingCommands, node.uid, (_tx, work) => work())
      for (const command of handed.data) {
        await this.transport.publish(commandTopic(node.uid), JSON.stringify({ id: command.id, kind: command.kind, params: command.params }), node.tenantId)
        mqttMetrics().commandsPublished.inc()
      }
    }
  }
}
