// Subscriber sockets spread over several load-generator processes (each has its own open-file limit and event loop).
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { killOnExit } from './cleanup'
import type { DeliveryAnalysis, PublishedEvents } from './delivery-log'
import type { FleetCommand, FleetReply, SocketShare } from './fleet-protocol'

/** What to open: `connections` sockets split evenly over `urls` (one per server node). */
export interface FleetPlan {
  urls: string[]
  connections: number
  channel: string
  perSocket: boolean
  batch: number
  /** Most sockets one process holds. */
  perProcess: number
  deadline: number
}

/** One node's share of a phase's deliveries, with socket trouble. */
export interface NodeAnalysis {
  url: string
  analysis: DeliveryAnalysis
  dropped: Map<number, number>
  protocolErrors: Map<string, number>
  pongsSent: number
}

interface Member {
  child: ChildProcess
  share: SocketShare
  waiting: Map<number, (reply: FleetReply) => void>
}

const ENTRY = new URL('./subscriber-process.ts', import.meta.url)

export class SubscriberFleet {
  private nextId = 1

  private constructor(private readonly members: Member[]) {}

  /** Starts the processes (at least one per URL) and hands each its share; sockets are opened by open(). */
  static start(plan: FleetPlan): SubscriberFleet {
    const perUrl = Math.max(1, Math.ceil(plan.connections / plan.urls.length / plan.perProcess))
    const processes = perUrl * plan.urls.length
    const members: Member[] = []
    let first = 0
    for (let i = 0; i < processes; i++) {
      const count = Math.floor(plan.connections / processes) + (i < plan.connections % processes ? 1 : 0)
      const share = { url: plan.urls[i % plan.urls.length]!, first, count, channel: plan.channel, perSocket: plan.perSocket, batch: plan.batch, deadline: plan.deadline }
      first += count
      const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      killOnExit(child)
      const member: Member = { child, share, waiting: new Map() }
      child.on('message', (message: { id: number, reply: FleetReply }) => {
        member.waiting.get(message.id)?.(message.reply)
        member.waiting.delete(message.id)
      })
      child.on('exit', (code) => {
        for (const resolve of member.waiting.values()) resolve({ type: 'error', message: `load generator exited with ${code}` })
        member.waiting.clear()
      })
      members.push(member)
    }
    return new SubscriberFleet(members)
  }

  /** Load-generator processes. */
  get processes(): number {
    return this.members.length
  }

  /** Opens every socket; the sockets subscribed, why others failed, and the seconds it took. */
  async open(): Promise<{ subscribed: number, failures: Map<string, number>, seconds: number }> {
    const replies = await Promise.all(this.members.map(member => this.ask(member, { type: 'open', share: member.share })))
    const failures = new Map<string, number>()
    let subscribed = 0
    let seconds = 0
    for (const reply of replies) {
      if (reply.type !== 'opened') continue
      subscribed += reply.subscribed
      seconds = Math.max(seconds, reply.seconds)
      for (const [reason, n] of reply.failures) failures.set(reason, (failures.get(reason) ?? 0) + n)
    }
    return { subscribed, failures, seconds }
  }

  /** Starts recording frames of `event` afresh. */
  async phase(event: string): Promise<void> {
    await Promise.all(this.members.map(member => this.ask(member, { type: 'phase', event })))
  }

  /** Frames recorded so far in this phase, over every process. */
  async frames(): Promise<number> {
    const replies = await Promise.all(this.members.map(member => this.ask(member, { type: 'frames' })))
    return replies.reduce((sum, reply) => sum + (reply.type === 'frames' ? reply.frames : 0), 0)
  }

  /** Checks the phase's frames against what was published; one analysis per URL, in the order of the plan. */
  async analyse(published: PublishedEvents): Promise<NodeAnalysis[]> {
    const replies = await Promise.all(this.members.map(member => this.ask(member, { type: 'analyse', published })))
    const byUrl = new Map<string, NodeAnalysis>()
    replies.forEach((reply, i) => {
      if (reply.type !== 'analysis') return
      const url = this.members[i]!.share.url
      const known = byUrl.get(url)
      byUrl.set(url, known ? mergeNodes(known, { url, ...reply }) : { url, ...reply })
    })
    return [...byUrl.values()]
  }

  /** CPU seconds the load-generator processes have used so far. */
  async cpuSeconds(): Promise<number> {
    const replies = await Promise.all(this.members.map(member => this.ask(member, { type: 'cpu' })))
    return replies.reduce((sum, reply) => sum + (reply.type === 'cpu' ? reply.seconds : 0), 0)
  }

  /** Closes the sockets and ends the processes. */
  async close(): Promise<void> {
    await Promise.all(this.members.map(member => this.ask(member, { type: 'close' })))
    for (const member of this.members) member.child.disconnect()
  }

  private ask(member: Member, command: FleetCommand): Promise<FleetReply> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      if (!member.child.connected) return reject(new Error('a load-generator process is gone'))
      member.waiting.set(id, (reply) => {
        if (reply.type === 'error') reject(new Error(reply.message))
        else resolve(reply)
      })
      member.child.send({ id, command })
    })
  }
}

/** Two processes' findings as one. */
export function mergeNodes(a: NodeAnalysis, b: NodeAnalysis): NodeAnalysis {
  return {
    url: a.url,
    analysis: mergeAnalyses(a.analysis, b.analysis),
    dropped: mergeCounts(a.dropped, b.dropped),
    protocolErrors: mergeCounts(a.protocolErrors, b.protocolErrors),
    pongsSent: a.pongsSent + b.pongsSent,
  }
}

function mergeAnalyses(a: DeliveryAnalysis, b: DeliveryAnalysis): DeliveryAnalysis {
  const concat = (x: Float64Array, y: Float64Array) => {
    const out = new Float64Array(x.length + y.length)
    out.set(x)
    out.set(y, x.length)
    return out
  }
  return {
    received: a.received + b.received,
    duplicates: a.duplicates + b.duplicates,
    unexpected: a.unexpected + b.unexpected,
    malformed: a.malformed + b.malformed,
    foreign: a.foreign + b.foreign,
    timestampMismatches: a.timestampMismatches + b.timestampMismatches,
    endToEndMs: concat(a.endToEndMs, b.endToEndMs),
    fromServerMs: concat(a.fromServerMs, b.fromServerMs),
    firstReceivedAt: Math.min(a.firstReceivedAt, b.firstReceivedAt),
    lastReceivedAt: Math.max(a.lastReceivedAt, b.lastReceivedAt),
  }
}

function mergeCounts<K>(a: Map<K, number>, b: Map<K, number>): Map<K, number> {
  const out = new Map(a)
  for (const [key, n] of b) out.set(key, (out.get(key) ?? 0) + n)
  return out
}
