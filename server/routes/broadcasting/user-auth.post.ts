// Laravel's user authentication endpoint: signs `pusher:signin` for the signed-in user.
import { z } from 'zod'
import { limitAuthRequests } from '../../auth/auth-rate-limits'
import { resolveActor, requireActor } from '../../auth/actor'
import { userAuthResponse } from '../../realtime/auth-response'

const body = z.object({ socket_id: z.string().regex(/^\d+\.\d+$/, 'must look like 1234.5678') })

export default defineEventHandler(async (event) => {
  const db = await useDatabase()
  limitAuthRequests(event, (await resolveActor(db, event))?.user.id ?? null)
  const actor = await requireActor(db, event)
  const { socket_id: socketId } = await validBody(event, body)
  const { user } = actor
  bindSocketToActor(socketId, actor)
  return userAuthResponse(useRealtimeApp().app, socketId, { id: String(user.id), user_info: { name: user.name, role: user.role } })
})
