// One vehicle; guarded like private-vehicle.{v}.
import { eq } from 'drizzle-orm'
import { vehicles } from '../../db/schema'
import { authorizeVehicle } from '../../domain/policies'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const db = await useDatabase()
  enforce(await authorizeVehicle(db, await useActor(event), vehicleId))
  const [vehicle] = await db.select().from(vehicles).where(eq(vehicles.id, vehicleId))
  return { data: vehicle! }
})
