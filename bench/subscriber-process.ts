// A load-generator process: holds a share of the subscriber sockets and records what they receive, steered by subscriber-fleet.ts over IPC.
import { nowMs } from './clock'
import { DeliveryLog } from './delivery-log'
import type { FleetCommand, FleetReply, SocketShare } from './fleet-protocol'
import { channelOf } from './fleet-protocol'
import { SubscriberPool } from './ws-subscribers'

let share: SocketShare | null = null
let pool: SubscriberPool | null = null
let log: DeliveryLog | null = null

process.on('message', (message: { id: number, command: FleetCommand }) => {
  handle(message.command).then(
    reply => process.send!({ id: message.id, reply }),
    (error: Error) => process.send!({ id: message.id, reply: { type: 'error', message: error.message } }),
  )
})
// The fleet going away (its process ended) ends this one too.
process.on('disconnect', () => process.exit(0))

async function handle(command: FleetCommand): Promise<FleetReply> {
  switch (command.type) {
    case 'open': {
      const current = command.share
      share = current
      pool = new SubscriberPool({
        url: current.url,
        channelOf: index => channelOf(current, index),
        count: current.count,
        batch: current.batch,
        onEvent: (index, text, receivedAt) => log?.record(index, text, receivedAt),
        deadline: current.deadline,
      })
      const started = nowMs()
      await pool.open()
      return { type: 'opened', subscribed: pool.subscribed, failures: pool.failures, seconds: (nowMs() - started) / 1000 }
    }
    case 'phase':
      log = new DeliveryLog(index => channelOf(share!, index), command.event, share!.count)
      return { type: 'ok' }
    case 'frames':
      return { type: 'frames', frames: log?.frames ?? 0 }
    case 'analyse': {
      const analysis = log!.analyse(command.published)
      log = null
      return { type: 'analysis', analysis, dropped: pool!.dropped, protocolErrors: pool!.protocolErrors, pongsSent: pool!.pongsSent }
    }
    case 'cpu': {
      const usage = process.cpuUsage()
      return { type: 'cpu', seconds: (usage.user + usage.system) / 1e6 }
    }
    case 'close':
      await pool?.closeAll()
      return { type: 'ok' }
  }
}
