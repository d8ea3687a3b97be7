// Missed events of one channel after an offset, authorised exactly like subscribing to it.
import { z } from 'zod'
import { channelKind, isValidChannelName, requiresAuth } from '../../realtime/channel-name'
import { verifyChannelAuth } from '../../realtime/signature'

const query = z.object({
  channel: z.string().refine(isValidChannelName, 'is not a valid channel name'),
  after: z.coerce.number().int().min(0),
  epoch: z.string().max(64).optional(),
  socket_id: z.string().optional(),
  auth: z.string().optional(),
  channel_data: z.string().optional(),
})

export default defineEventHandler(async (event) => {
  const parsed = query.safeParse(getQuery(event))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw createError({ statusCode: 400, statusMessage: `${issue.path.join('.')}: ${issue.message}` })
  }
  const { channel, after, epoch, socket_id: socketId, auth, channel_data: channelData } = parsed.data
  const engine = useRealtimeEngine()
  const state = engine.appById(engine.apps()[0]!.id)!
  if (requiresAuth(channel)) {
    // The same signature a subscription needs, for the same socket: no signature, no history.
    const signed = kindNeedsChannelData(channel) ? channelData : undefined
    if (!socketId || !verifyChannelAuth(state.app.key, state.app.secret, auth, socketId, channel, signed)) {
      throw createError({ statusCode: 403, statusMessage: 'auth: not authorised for this channel' })
    }
  }
  return state.history.since(channel, after, epoch)
})

function kindNeedsChannelData(channel: string): boolean {
  return channelKind(channel) === 'presence'
}
