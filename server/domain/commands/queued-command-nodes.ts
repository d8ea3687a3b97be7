// The nodes that queued commands wait for: what a push channel (MQTT) looks at to hand commands over.
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { commands, devices } from '../../db/schema'

export interface CommandNode {
  tenantId: number
  uid: string
}

/**
 * Nodes that would receive a queued, not yet timed-out command when fetching: the node a command names, or
 * every node of the zone of a command for the whole zone; in node id order, each once.
 */
export async function nodesWithQueuedCommands(db: Database, now: Date): Promise<CommandNode[]> {
  return db.selectDistinct({ id: devices.id, tenantId: devices.tenantId, uid: devices.uid }).from(commands)
    .innerJoin(devices, and(eq(devices.zoneId, commands.zoneId), eq(devices.tenantId, commands.tenantId), or(isNull(commands.deviceId), eq(commands.deviceId, devices.id))))
    .where(and(eq(commands.status, 'queued'), or(isNull(commands.timeoutAt), gt(commands.timeoutAt, now))))
    .orderBy(asc(devices.id))
}
