// Commands of one zone, newest first; guarded like private-zone.{z}.commands.
import { and, desc, eq, lt } from 'drizzle-orm'
import { commands } from '../../../db/schema'
import { authorizeZone } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const db = await useDatabase()
  enforce(await authorizeZone(db, await useActor(event), zoneId))
  const query = validQuery(event, pageQuery)
  const rows = await db.select().from(commands)
    .where(and(eq(commands.zoneId, zoneId), query.before ? lt(commands.id, query.before) : undefined))
    .orderBy(desc(commands.id)).limit(query.limit)
  return page(rows, query)
})
