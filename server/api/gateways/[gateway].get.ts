// One gateway; guarded like private-gateway.{g}.
import { eq } from 'drizzle-orm'
import { gateways } from '../../db/schema'
import { authorizeGateway } from '../../domain/policies'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const db = await useDatabase()
  enforce(await authorizeGateway(db, await useActor(event), gatewayId))
  const [gateway] = await db.select().from(gateways).where(eq(gateways.id, gatewayId))
  return { data: gateway! }
})
