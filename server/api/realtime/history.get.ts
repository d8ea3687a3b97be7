// Missed events of one channel after an offset, authorised by the same channel rules as subscribing.
import { z } from 'zod'
import { authorizeChannel } from '../../channels'
import { requiresAuth, isValidChannelName } from '../../realtime/channel-name'
import { payloadShape, withRecoveryMeta } from '../../realtime/recovery-meta'

const query = z.object({
  channel: z.string().refine(isValidChannelName, 'is not a valid channel name'),
  after: z.coerce.number().int().min(0),
  epoch: z.string().max(64).optional(),
})

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const { channel, after, epoch } = validQuery(event, query)
  // Public channels need no signature to subscribe, so any signed-in user may read their history.
  if (requiresAuth(channel)) enforce(await authorizeChannel(await useDatabase(), actor, channel))
  try {
    // The pages replay these through the same handlers as live events: as a recovery socket got them.
    const page = await useRealtimeApp().broker.history(channel, after, epoch)
    return { ...page, events: page.events.map(kept => ({ ...kept, data: withRecoveryMeta(kept.data, payloadShape(kept.data), kept.offset, kept.sent_at) })) }
  }
  catch {
    // Only the cluster's Redis can fail here; the browser retries on its polling schedule.
    setResponseHeader(event, 'retry-after', 2)
    throw createError({ statusCode: 503, statusMessage: 'History is unavailable while Redis is down' })
  }
})
