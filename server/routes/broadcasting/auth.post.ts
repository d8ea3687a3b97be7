// Laravel's channel authorisation endpoint: signs a subscription the channel rules allow.
import { z } from 'zod'
import { authorizeChannel } from '../../channels'
import { limitAuthRequests } from '../../auth/auth-rate-limits'
import { resolveActor, requireActor } from '../../auth/actor'
import { isValidChannelName } from '../../realtime/channel-name'
import { channelAuthResponse } from '../../realtime/auth-response'

const body = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, 'must look like 1234.5678'),
  channel_name: z.string().refine(isValidChannelName, 'is not a valid channel name'),
})

export default defineEventHandler(async (event) => {
  const db = await useDatabase()
  limitAuthRequests(event, (await resolveActor(db, event))?.user.id ?? null)
  const actor = await requireActor(db, event)
  const { socket_id: socketId, channel_name: channel } = await validBody(event, body)
  const decision = await authorizeChannel(db, actor, channel)
  if (!decision.allowed) {
    console.warn(JSON.stringify({
      level: 'warn', msg: 'channel auth refused', channel, user_id: actor.user.id, tenant_id: actor.user.tenantId,
      origin: getRequestHeader(event, 'origin') ?? null, reason: decision.reason,
    }))
    throw createError({ statusCode: 403, statusMessage: `Forbidden: ${decision.reason}` })
  }
  const app = useRealtimeApp().app
  const { user } = actor
  bindSocketToActor(socketId, actor)
  return channelAuthResponse(app, socketId, channel, {
    user_id: String(user.id),
    user_info: { id: user.id, name: user.name, role: user.role },
  })
})
