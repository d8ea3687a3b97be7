// Polls one Modbus gateway on its schedule while this node holds its lease: one kept-open connection, reconnects
// with backoff, one poll at a time (the next is scheduled only once the last one is recorded).
import type { ModbusTcpConnection } from '../../../shared/modbus'
import type { ModbusGatewayPlan } from '../../domain/gateways/modbus-gateways'
import type { PollReport } from '../../domain/gateways/record-poll'
import type { ConcurrencyGate } from './concurrency-gate'
import type { GatewayLease } from './gateway-lease'
import type { HostAllowList } from './host-allow-list'
import { ModbusLink } from './modbus-link'
import { classifyError } from './modbus-errors'
import { readPoints } from './read-points'
import type { BackoffSettings } from './reconnect-backoff'
import { DEFAULT_BACKOFF, reconnectDelay } from './reconnect-backoff'

export interface PollerDeps {
  loadPlan: (gatewayId: number) => Promise<ModbusGatewayPlan | null>
  record: (report: PollReport) => Promise<boolean>
  allowList: HostAllowList
  gate: ConcurrencyGate
  lease: GatewayLease
  log: (message: string) => void
  backoff?: BackoffSettings
}

export class GatewayPoller {
  private link: ModbusLink | null = null
  private pollTimer: NodeJS.Timeout | null = null
  private leaseTimer: NodeJS.Timeout | null = null
  private polling = false
  private held = false
  private failures = 0
  /** Logged once per outage, not at every check. */
  private leaseFailing = false
  private intervalMs: number
  private lastPollAt = -Infinity
  private pollDueAt = 0
  stopped = false

  constructor(readonly gatewayId: number, private connection: ModbusTcpConnection, private readonly deps: PollerDeps) {
    this.intervalMs = connection.pollIntervalMs
  }

  /** Starts taking the lease and, while held, polling. */
  start(): void {
    void this.checkLease()
  }

  /** Stops for good: no further poll, the connection closed, the lease given up; a poll in flight is not recorded. */
  stop(): void {
    if (this.stopped) return
    this.stopped = true
    if (this.pollTimer) clearTimeout(this.pollTimer)
    if (this.leaseTimer) clearTimeout(this.leaseTimer)
    this.closeLink()
    if (this.held) void this.deps.lease.release(this.gatewayId).catch(() => {})
    this.held = false
  }

  /**
   * Takes the gateway's connection as stored now. An admin who fixes a wrong port, or shortens the interval,
   * expects the next poll within moments: not after the backoff the old address earned, nor on the old schedule.
   */
  retarget(connection: ModbusTcpConnection): void {
    const shorter = connection.pollIntervalMs < this.intervalMs
    const moved = !sameTarget(this.connection, connection)
    this.connection = connection
    this.intervalMs = connection.pollIntervalMs
    if (moved && this.failures > 0) {
      this.failures = 0
      this.pollBy(performance.now())
    }
    else if (shorter && this.failures === 0) this.pollBy(this.lastPollAt + this.intervalMs)
  }

  /** Brings a waiting poll forward to `at` (a performance.now() time) if it was due later. */
  private pollBy(at: number): void {
    if (!this.pollTimer || this.pollDueAt <= at) return
    clearTimeout(this.pollTimer)
    this.pollTimer = null
    this.schedulePoll(Math.max(0, at - performance.now()))
  }

  // The lease lives 1.5 intervals and is renewed every half interval: a dead holder's lease is taken over
  // within two intervals by a node checking every half interval.
  private async checkLease(): Promise<void> {
    let held = this.held
    try {
      held = await this.deps.lease.hold(this.gatewayId, this.intervalMs * 1.5)
      this.leaseFailing = false
    }
    catch (error) {
      // Redis away: nobody can take the lease meanwhile, so the holder keeps polling and the others keep waiting.
      if (!this.leaseFailing) this.deps.log(`modbus: lease of gateway ${this.gatewayId} not checked: ${(error as Error).message}`)
      this.leaseFailing = true
    }
    if (this.stopped) return
    if (held && !this.held) this.schedulePoll(0)
    if (!held && this.held) this.closeLink()
    this.held = held
    this.leaseTimer = setTimeout(() => void this.checkLease(), this.intervalMs / 2)
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped || this.pollTimer) return
    this.pollDueAt = performance.now() + delayMs
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null
      void this.pollOnce()
    }, delayMs)
  }

  private async pollOnce(): Promise<void> {
    if (this.polling || this.stopped || !this.held) return
    this.polling = true
    const started = performance.now()
    this.lastPollAt = started
    try {
      await this.deps.gate.run(async () => {
        const plan = await this.deps.loadPlan(this.gatewayId)
        if (!plan) return this.stop()
        this.retarget(plan.connection)
        const report = await this.readOnce(plan)
        if (!this.stopped && this.held) await this.deps.record(report)
      })
    }
    catch (error) {
      this.deps.log(`modbus: poll of gateway ${this.gatewayId} not recorded: ${(error as Error).message}`)
    }
    finally {
      this.polling = false
    }
    if (!this.held) return
    const wait = Math.max(0, this.intervalMs - (performance.now() - started))
    this.schedulePoll(this.failures > 0 ? Math.max(wait, reconnectDelay(this.failures, this.deps.backoff ?? DEFAULT_BACKOFF)) : wait)
  }

  private async readOnce(plan: ModbusGatewayPlan): Promise<PollReport> {
    const started = performance.now()
    const target = plan.connection
    const base = { gatewayId: plan.id, connection: target }
    const keyOf = new Map(plan.points.map(point => [point.id, point.key]))
    if (this.link && !sameTarget(this.link.target, target)) this.closeLink()
    if (!this.link?.open) {
      this.closeLink()
      const link = new ModbusLink(target, this.deps.allowList)
      try {
        await link.connect()
        this.link = link
      }
      catch (error) {
        link.close()
        this.failures++
        const detail = classifyError(error, link.label, target.timeoutMs)
        return { ...base, durationMs: performance.now() - started, answered: false, error: detail, points: plan.points.map(point => ({ id: point.id, key: point.key, value: null, error: detail })) }
      }
    }
    const read = await readPoints(this.link, plan.points)
    if (read.broken) {
      this.failures++
      this.closeLink()
    }
    else this.failures = 0
    return {
      ...base, durationMs: performance.now() - started, error: null, answered: read.answered || plan.points.length === 0,
      points: read.outcomes.map(outcome => ({ ...outcome, key: keyOf.get(outcome.id)! })),
    }
  }

  private closeLink(): void {
    this.link?.close()
    this.link = null
  }
}

function sameTarget(a: ModbusLink['target'], b: ModbusTcpConnection): boolean {
  return a.host === b.host && a.port === b.port && a.unitId === b.unitId && a.timeoutMs === b.timeoutMs
}
