// Marks notifications of the signed-in user read; ids of other users' notifications are ignored.
import { z } from 'zod'
import { MAX_DATABASE_ID } from '../../db/ids'
import { markNotificationsRead } from '../../domain/notifications'

const readSchema = z.object({ ids: z.array(z.number().int().min(1).max(MAX_DATABASE_ID)).min(1).max(1000) })

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const { ids } = await validBody(event, readSchema)
  return { data: { read: await markNotificationsRead(await useDomain(), actor.user.id, ids) } }
})
