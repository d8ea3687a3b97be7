// nodesWithQueuedCommands: the nodes a push channel hands queued commands to, as the HTTP fetch would.
import { beforeEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { commands, commandTransitions, devices } from '../../../../../server/db/schema'
import { nodesWithQueuedCommands } from '../../../../../server/domain/commands/queued-command-nodes'
import { sendCommand } from '../../../../../server/domain/commands/send-command'
import { demoActor, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let zoneA: number

useDemoDatabase((demo) => {
  ({ handle, greenfield, zoneA } = demo)
  ctx = testContext(handle, { commandTimeoutSeconds: 30 })
})

beforeEach(async () => {
  await handle.db.delete(commandTransitions)
  await handle.db.delete(commands)
})

const zoneNodes = async () => (await handle.db.select({ id: devices.id, uid: devices.uid }).from(devices).where(eq(devices.zoneId, zoneA)).orderBy(asc(devices.id)))
const send = async (deviceId?: number) => sendCommand(ctx, await demoActor(handle.db, 'operator', 'greenfield'), zoneA, { kind: 'irrigate', deviceId })

describe('nodesWithQueuedCommands', () => {
  it('names nothing while no command is queued', async () => {
    expect(await nodesWithQueuedCommands(handle.db, ctx.now())).toEqual([])
  })

  it('names the node a command is for, and every node of the zone for a zone-wide one, in id order', async () => {
    const nodes = await zoneNodes()
    await send(nodes[0]!.id)
    expect(await nodesWithQueuedCommands(handle.db, ctx.now())).toEqual([{ id: nodes[0]!.id, tenantId: greenfield, uid: nodes[0]!.uid }])
    await send()
    expect((await nodesWithQueuedCommands(handle.db, ctx.now())).map(node => node.uid)).toEqual(nodes.map(node => node.uid))
  })

  it('leaves out commands that were handed over or timed out', async () => {
    const command = await send()
    await handle.db.update(commands).set({ status: 'sent' }).where(eq(commands.id, command.id))
    expect(await nodesWithQueuedCommands(handle.db, ctx.now())).toEqual([])
    await send()
    expect(await nodesWithQueuedCommands(handle.db, new Date(ctx.now().getTime() + 31_000))).toEqual([])
  })
})
