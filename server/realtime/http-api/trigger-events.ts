// POST /apps/{id}/events and /apps/{id}/batch_events: validate, publish, answer like Pusher.
import { z } from 'zod'
import type { EngineLimits } from '../app-config'
import type { AppState } from '../app-state'
import { isValidChannelName } from '../channel-name'
import type { RealtimeEngine } from '../engine'
import type { ApiRequest, ApiResult } from './api-request'
import { apiError } from './api-request'
import type { ChannelAttribute } from './channel-attributes'
import { channelAttributes, checkAttributesFor, parseInfo } from './channel-attributes'

const socketId = z.string().regex(/^\d+\.\d+$/, 'must look like 1234.5678')
const channelName = z.string().refine(isValidChannelName, 'is not a valid channel name')
const eventName = z.string().min(1).max(200)
// Pusher's SDKs send `data` as a JSON string; anything else is accepted and encoded once.
const data = z.unknown().refine(value => value !== undefined, 'is required')

const eventBody = z.object({
  name: eventName,
  data,
  channels: z.array(channelName).min(1).optional(),
  channel: channelName.optional(),
  socket_id: socketId.optional(),
  info: z.string().optional(),
}).refine(body => body.channels || body.channel, { message: 'channels or channel is required', path: ['channels'] })

const batchBody = z.object({
  batch: z.array(z.object({ name: eventName, channel: channelName, data, socket_id: socketId.optional(), info: z.string().optional() })),
})

interface ValidEvent {
  name: string
  channels: string[]
  data: unknown
  socketId?: string
  attributes: ChannelAttribute[]
}

/** `POST /apps/{id}/events`. */
export async function triggerEvent(engine: RealtimeEngine, state: AppState, request: ApiRequest): Promise<ApiResult> {
  const parsed = parseJson(request, eventBody)
  if ('status' in parsed) return parsed
  const body = parsed.value
  const event = checkEvent(engine.limits, state, { name: body.name, channels: body.channels ?? [body.channel!], data: body.data, socketId: body.socket_id, info: body.info })
  if ('status' in event) return event
  // Answered once numbered: a publisher's next event, through any node, is ordered after this one.
  await engine.publish(state, { channels: event.channels, event: event.name, data: event.data, exceptSocketId: event.socketId, source: 'api' })
  if (event.attributes.length === 0) return { status: 200, body: {} }
  const channels: Record<string, unknown> = {}
  const occupancy = await state.broker.occupancy()
  for (const name of event.channels) channels[name] = await channelAttributes(state, name, event.attributes, occupancy)
  return { status: 200, body: { channels } }
}

/** `POST /apps/{id}/batch_events`: all events are checked before any is published. */
export async function triggerBatch(engine: RealtimeEngine, state: AppState, request: ApiRequest): Promise<ApiResult> {
  const parsed = parseJson(request, batchBody)
  if ('status' in parsed) return parsed
  const { batch } = parsed.value
  if (batch.length > engine.limits.maxBatchSize) return apiError(413, `batch: at most ${engine.limits.maxBatchSize} events per batch`)
  const events: ValidEvent[] = []
  for (const [index, item] of batch.entries()) {
    const event = checkEvent(engine.limits, state, { name: item.name, channels: [item.channel], data: item.data, socketId: item.socket_id, info: item.info }, `batch[${index}].`)
    if ('status' in event) return event
    events.push(event)
  }
  // Sent in order on one connection, then awaited together.
  await Promise.all(events.map(event => engine.publish(state, { channels: event.channels, event: event.name, data: event.data, exceptSocketId: event.socketId, source: 'api' })))
  // Occupancy walks every channel (or asks Redis): only when some event asks for attributes.
  if (events.every(event => event.attributes.length === 0)) return { status: 200, body: { batch: events.map(() => ({})) } }
  const occupancy = await state.broker.occupancy()
  return { status: 200, body: { batch: await Promise.all(events.map(event => channelAttributes(state, event.channels[0]!, event.attributes, occupancy))) } }
}

function checkEvent(
  limits: EngineLimits, state: AppState,
  input: { name: string, channels: string[], data: unknown, socketId?: string, info?: string }, prefix = '',
): ValidEvent | ApiResult {
  if (input.channels.length > limits.maxChannelsPerEvent) return apiError(413, `${prefix}channels: at most ${limits.maxChannelsPerEvent} channels per event`)
  let size: number
  try {
    size = Buffer.byteLength(typeof input.data === 'string' ? input.data : JSON.stringify(input.data))
  }
  catch {
    // JSON.parse reads any depth, JSON.stringify overflows the stack past a few thousand levels.
    return apiError(400, `${prefix}data: nested too deeply`)
  }
  if (size > state.app.maxMessageSize) return apiError(413, `${prefix}data: ${size} bytes is over the limit of ${state.app.maxMessageSize}`)
  const info = parseInfo(input.info)
  if ('error' in info) return apiError(400, `${prefix}info: ${info.error}`)
  for (const channel of input.channels) {
    const problem = checkAttributesFor(channel, info.attributes)
    if (problem) return apiError(400, `${prefix}info: ${problem}`)
  }
  return { name: input.name, channels: input.channels, data: input.data, socketId: input.socketId, attributes: info.attributes }
}

function parseJson<T>(request: ApiRequest, schema: z.ZodType<T>): { value: T } | ApiResult {
  let body: unknown
  try {
    body = JSON.parse(request.body.toString('utf8'))
  }
  catch {
    return apiError(400, 'Body must be JSON')
  }
  const result = schema.safeParse(body)
  if (!result.success) {
    const issue = result.error.issues[0]!
    return apiError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`)
  }
  return { value: result.data }
}
