// Commands of one vehicle with the tracker's answers, newest first; guarded like private-vehicle.{v}.
import { and, desc, eq, lt } from 'drizzle-orm'
import { vehicleCommands } from '../../../db/schema'
import { authorizeVehicle } from '../../../domain/policies'
import { toVehicleCommandPayload } from '../../../domain/vehicle-commands/vehicle-command-payload'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const db = await useDatabase()
  enforce(await authorizeVehicle(db, await useActor(event), vehicleId))
  const query = validQuery(event, pageQuery)
  const rows = await db.select().from(vehicleCommands)
    .where(and(eq(vehicleCommands.vehicleId, vehicleId), query.before ? lt(vehicleCommands.id, query.before) : undefined))
    .orderBy(desc(vehicleCommands.id)).limit(query.limit)
  return page(rows.map(toVehicleCommandPayload), query)
})
