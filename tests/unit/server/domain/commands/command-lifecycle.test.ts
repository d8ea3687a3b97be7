import { beforeEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { activityEvents, commands, commandTransitions } from '../../../../../server/db/schema'
import { authorizeCommand, commandDetail } from '../../../../../server/domain/commands/command-detail'
import type { CommandStatusReport } from '../../../../../server/domain/commands/command-schema'
import { canMoveCommand } from '../../../../../server/domain/commands/command-status'
import { timeOutCommands } from '../../../../../server/domain/commands/command-timeouts'
import { pendingCommands } from '../../../../../server/domain/commands/pending-commands'
import { reportCommandStatus } from '../../../../../server/domain/commands/report-command-status'
import { sendCommand } from '../../../../../server/domain/commands/send-command'
import { DomainError } from '../../../../../server/domain/errors'
import type { CommandPayload } from '../../../../../shared/events'
import { demoActor, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { commitThenAnnounce, testContext } from '../domain-context'
import { channelsOf, nodeOf } from '../zones/zone-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let northwind: number
let zoneA: number
let zoneB: number
let zoneNorth: number

async function fetchPending(tenant: number, target: string | number): Promise<CommandPayload[]> {
  return (await commitThenAnnounce(ctx, tx => pendingCommands(ctx, tx, tenant, target))).data
}

async function report(tenant: number, commandId: number, body: CommandStatusReport): Promise<CommandPayload> {
  return (await commitThenAnnounce(ctx, tx => reportCommandStatus(ctx, tx, tenant, commandId, body))).data
}

const operator = () => demoActor(handle.db, 'operator', 'greenfield')
const send = async (zoneId = zoneA, input: { kind: string, params?: Record<string, unknown>, deviceId?: number } = { kind: 'irrigate', params: { seconds: 30 } }) =>
  sendCommand(ctx, await operator(), zoneId, input)
const transitionsOf = async (commandId: number) => (await handle.db.select().from(commandTransitions)
  .where(eq(commandTransitions.commandId, commandId)).orderBy(asc(commandTransitions.id))).map(row => row.status)
const statusOf = async (commandId: number) => (await handle.db.select({ status: commands.status }).from(commands).where(eq(commands.id, commandId)))[0]!.status

useDemoDatabase((demo) => {
  ({ handle, greenfield, northwind, zoneA, zoneB, zoneNorth } = demo)
  ctx = testContext(handle, { commandTimeoutSeconds: 30 })
})

beforeEach(async () => {
  await handle.db.delete(commandTransitions)
  await handle.db.delete(commands)
  ctx.broadcaster.clear()
})

describe('sendCommand', () => {
  it('queues the command with a timeout, a transition and an activity event', async () => {
    const actor = await operator()
    const command = await sendCommand(ctx, actor, zoneA, { kind: 'irrigate', params: { seconds: 30 } })
    expect(command).toMatchObject({ tenantId: greenfield, zoneId: zoneA, deviceId: null, kind: 'irrigate', params: { seconds: 30 }, status: 'queued', createdBy: actor.user.id, error: null })
    const [row] = await handle.db.select().from(commands).where(eq(commands.id, command.id))
    expect(row!.timeoutAt).toEqual(new Date(ctx.now().getTime() + 30_000))
    expect(await transitionsOf(command.id)).toEqual(['queued'])
    const [activity] = await handle.db.select().from(activityEvents).where(eq(activityEvents.kind, 'command.queued'))
    expect(activity).toMatchObject({ tenantId: greenfield, actorUserId: actor.user.id, message: `${actor.user.name} sent irrigate to Greenhouse A` })
  })

  it('broadcasts command.status on the zone\'s and the tenant\'s commands channels, nowhere else but the events feed', async () => {
    const command = await send()
    const status = ctx.broadcaster.of('command.status')
    expect(status).toHaveLength(1)
    expect(status[0]!.channels).toEqual([`private-zone.${zoneA}.commands`, `private-tenant.${greenfield}.commands`])
    expect(status[0]!.payload).toEqual(command)
    expect(channelsOf(ctx.broadcaster.sent).sort()).toEqual([`private-tenant.${greenfield}.commands`, `private-tenant.${greenfield}.events`, `private-zone.${zoneA}.commands`].sort())
  })

  it('refuses a viewer, another tenant\'s zone, and a node of another zone', async () => {
    const viewer = await demoActor(handle.db, 'viewer', 'greenfield')
    await expect(sendCommand(ctx, viewer, zoneA, { kind: 'irrigate' })).rejects.toMatchObject({ status: 403 })
    await expect(send(zoneNorth)).rejects.toMatchObject({ status: 403, message: `zone: zone ${zoneNorth} is not in the user's tenant` })
    const otherNode = await nodeOf(handle.db, zoneB)
    const attempt = send(zoneA, { kind: 'irrigate', deviceId: otherNode.id })
    await expect(attempt).rejects.toBeInstanceOf(DomainError)
    await expect(attempt).rejects.toMatchObject({ status: 422, field: 'deviceId' })
    expect(await handle.db.$count(commands)).toBe(0)
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('refuses invalid input naming the field', async () => {
    await expect(send(zoneA, { kind: 'bad kind!' })).rejects.toMatchObject({ status: 422, field: 'kind' })
  })
})

describe('pendingCommands and reportCommandStatus', () => {
  it('hands queued commands to a node of the zone once, marking them sent', async () => {
    const node = await nodeOf(handle.db, zoneA)
    const first = await send()
    const second = await send(zoneA, { kind: 'vent', params: { open: 50 } })
    await send(zoneB)
    ctx.broadcaster.clear()
    const fetched = await fetchPending(greenfield, node.uid)
    expect(fetched.map(command => [command.id, command.status])).toEqual([[first.id, 'sent'], [second.id, 'sent']])
    expect(await transitionsOf(first.id)).toEqual(['queued', 'sent'])
    expect(ctx.broadcaster.of('command.status').map(item => (item.payload as CommandPayload).status)).toEqual(['sent', 'sent'])
    expect(await fetchPending(greenfield, node.uid)).toEqual([])
  })

  it('never hands one command to two concurrent fetches', async () => {
    for (let i = 0; i < 5; i++) await send()
    const fetched = await Promise.all(Array.from({ length: 4 }, () => fetchPending(greenfield, zoneA)))
    const ids = fetched.flat().map(command => command.id)
    expect(ids).toHaveLength(5)
    expect(new Set(ids).size).toBe(5)
  })

  it('hands a node only the commands for the whole zone or for itself', async () => {
    const node = await nodeOf(handle.db, zoneA)
    const mine = await send(zoneA, { kind: 'calibrate', deviceId: node.id })
    expect((await fetchPending(greenfield, node.uid)).map(command => command.id)).toEqual([mine.id])
  })

  it('fetches by zone id too, and refuses an unknown device or another tenant\'s zone with 422', async () => {
    const command = await send()
    expect((await fetchPending(greenfield, zoneA)).map(item => item.id)).toEqual([command.id])
    await expect(fetchPending(greenfield, 'no-such-node')).rejects.toMatchObject({ status: 422, field: 'device' })
    await expect(fetchPending(greenfield, zoneNorth)).rejects.toMatchObject({ status: 422, field: 'zone' })
  })

  it('does not hand over commands past their timeout', async () => {
    await send()
    ctx.advance(31_000)
    expect(await fetchPending(greenfield, zoneA)).toEqual([])
  })

  it('runs sent -> acknowledged -> succeeded, with a transition and a broadcast for each', async () => {
    const command = await send()
    await fetchPending(greenfield, zoneA)
    ctx.broadcaster.clear()
    expect((await report(greenfield, command.id, { status: 'acknowledged' })).status).toBe('acknowledged')
    const done = await report(greenfield, command.id, { status: 'succeeded', detail: 'watered 30 s' })
    expect(done.status).toBe('succeeded')
    expect(await transitionsOf(command.id)).toEqual(['queued', 'sent', 'acknowledged', 'succeeded'])
    expect(ctx.broadcaster.of('command.status').map(item => (item.payload as CommandPayload).status)).toEqual(['acknowledged', 'succeeded'])
    expect(ctx.broadcaster.of('command.failed')).toEqual([])
    const detail = await commandDetail(handle.db, command.id)
    expect(detail!.transitions.map(step => [step.status, step.detail])).toEqual([
      ['queued', expect.stringContaining('sent by')], ['sent', 'fetched by zone ' + zoneA], ['acknowledged', null], ['succeeded', 'watered 30 s'],
    ])
  })

  it('broadcasts command.failed as well when a device reports a failure, keeping its detail as the error', async () => {
    const command = await send()
    await fetchPending(greenfield, zoneA)
    ctx.broadcaster.clear()
    const failed = await report(greenfield, command.id, { status: 'failed', detail: 'valve stuck' })
    expect(failed).toMatchObject({ status: 'failed', error: 'valve stuck' })
    const failures = ctx.broadcaster.of('command.failed')
    expect(failures.map(item => item.channels)).toEqual([[`private-zone.${zoneA}.commands`, `private-tenant.${greenfield}.commands`]])
    expect(failures[0]!.payload).toEqual(failed)
    expect(ctx.broadcaster.of('event.created').map(item => item.channels)).toEqual([[`private-tenant.${greenfield}.events`]])
  })

  it('answers illegal transitions with 409 naming status and stores nothing', async () => {
    const command = await send()
    await expect(report(greenfield, command.id, { status: 'acknowledged' })).rejects.toMatchObject({ status: 409, field: 'status' })
    await fetchPending(greenfield, zoneA)
    await expect(report(greenfield, command.id, { status: 'succeeded' })).rejects.toMatchObject({ status: 409, field: 'status' })
    await report(greenfield, command.id, { status: 'failed' })
    await expect(report(greenfield, command.id, { status: 'acknowledged' })).rejects.toMatchObject({ status: 409, field: 'status' })
    expect(await transitionsOf(command.id)).toEqual(['queued', 'sent', 'failed'])
  })

  it('refuses another tenant\'s command as unknown with 422', async () => {
    const command = await send()
    await expect(report(northwind, command.id, { status: 'failed' })).rejects.toMatchObject({ status: 422, field: 'id' })
    expect(await statusOf(command.id)).toBe('queued')
  })
})

describe('timeOutCommands', () => {
  it('times out unfinished commands past timeout_at, leaves the others, and broadcasts command.failed', async () => {
    const queued = await send()
    const acknowledged = await send(zoneB)
    await fetchPending(greenfield, zoneB)
    await report(greenfield, acknowledged.id, { status: 'acknowledged' })
    const finished = await send()
    await fetchPending(greenfield, zoneA)
    await report(greenfield, finished.id, { status: 'acknowledged' })
    await report(greenfield, finished.id, { status: 'succeeded' })
    ctx.advance(10_000)
    const fresh = await send()
    ctx.broadcaster.clear()

    ctx.advance(25_000)
    const timedOut = await timeOutCommands(ctx)
    expect(timedOut.map(command => command.id)).toEqual([queued.id, acknowledged.id])
    expect(await statusOf(queued.id)).toBe('timed_out')
    expect(await statusOf(finished.id)).toBe('succeeded')
    expect(await statusOf(fresh.id)).toBe('queued')
    expect(await transitionsOf(acknowledged.id)).toEqual(['queued', 'sent', 'acknowledged', 'timed_out'])
    const failed = ctx.broadcaster.of('command.failed')
    expect(failed.map(item => [(item.payload as CommandPayload).id, item.channels])).toEqual([
      [queued.id, [`private-zone.${zoneA}.commands`, `private-tenant.${greenfield}.commands`]],
      [acknowledged.id, [`private-zone.${zoneB}.commands`, `private-tenant.${greenfield}.commands`]],
    ])
    expect(ctx.broadcaster.of('command.status').map(item => (item.payload as CommandPayload).status)).toEqual(['timed_out', 'timed_out'])
    expect(await timeOutCommands(ctx)).toEqual([])
  })

  it('keeps each tenant\'s timeouts on that tenant\'s channels', async () => {
    await sendCommand(ctx, await demoActor(handle.db, 'operator', 'northwind'), zoneNorth, { kind: 'defrost' })
    ctx.advance(31_000)
    ctx.broadcaster.clear()
    await timeOutCommands(ctx)
    const channels = channelsOf(ctx.broadcaster.sent)
    expect(channels.length).toBeGreaterThan(0)
    expect(channels.every(channel => channel.startsWith(`private-tenant.${northwind}.`) || channel === `private-zone.${zoneNorth}.commands`)).toBe(true)
  })
})

describe('command lifecycle rules and access', () => {
  it('allows only the documented moves', () => {
    expect(canMoveCommand('queued', 'sent')).toBe(true)
    expect(canMoveCommand('queued', 'acknowledged')).toBe(false)
    expect(canMoveCommand('sent', 'timed_out')).toBe(true)
    expect(canMoveCommand('acknowledged', 'succeeded')).toBe(true)
    expect(canMoveCommand('timed_out', 'succeeded')).toBe(false)
  })

  it('lets the tenant read a command and refuses the other tenant', async () => {
    const command = await send()
    expect(await authorizeCommand(handle.db, await demoActor(handle.db, 'viewer', 'greenfield'), command.id)).toEqual({ allowed: true })
    expect(await authorizeCommand(handle.db, await demoActor(handle.db, 'viewer', 'northwind'), command.id))
      .toEqual({ allowed: false, reason: `command ${command.id} is not in the user's tenant` })
  })
})
