// One zone with its nodes; guarded like private-zone.{z} and presence-zone.{z}.
import { and, eq, isNull } from 'drizzle-orm'
import { devices, zones } from '../../../db/schema'
import { authorizeZone } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const db = await useDatabase()
  enforce(await authorizeZone(db, await useActor(event), zoneId))
  const [zone] = await db.select().from(zones).where(eq(zones.id, zoneId))
  const nodes = await db.select().from(devices).where(and(eq(devices.zoneId, zoneId), isNull(devices.archivedAt)))
  return { data: { ...zone!, nodes } }
})
