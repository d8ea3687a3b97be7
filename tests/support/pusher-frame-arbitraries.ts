// fast-check arbitraries of what a hostile client may send on a Pusher socket: random bytes and text, random JSON,
// Pusher-shaped frames with random fields, mutated valid frames, and correctly signed frames.
import fc from 'fast-check'
import { TEST_APP } from './server-process'
import { channelAuth, userAuth } from './pusher-signing'

/** One frame to send; `text` may depend on the socket it is sent on (for signatures). */
export type FuzzFrame =
  | { kind: 'binary', bytes: Uint8Array }
  | { kind: 'text', text: (socketId: string) => string }
  /** A text frame that is not UTF-8: the socket is closed with 1007. */
  | { kind: 'invalid-utf8', bytes: Uint8Array }
  /** A frame over the server's frame limit: the socket is closed with 1009. */
  | { kind: 'oversized', size: number }

const EVENTS = ['pusher:subscribe', 'pusher:unsubscribe', 'pusher:ping', 'pusher:pong', 'pusher:signin', 'pusher:error',
  'pusher_internal:member_added', 'pusher_internal:subscription_succeeded', 'client-typing', 'client-', 'unknown']
const CHANNELS = ['fuzz-public', 'cache-fuzz', 'private-fuzz', 'private-cache-fuzz', 'presence-fuzz', 'private-encrypted-fuzz',
  '#server-to-user-1', 'bystander', 'x'.repeat(165), 'with space', '']

const anyJson = fc.jsonValue({ maxDepth: 4 })
const channel = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CHANNELS) }, { weight: 1, arbitrary: fc.string() }, { weight: 1, arbitrary: anyJson })
const event = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EVENTS) }, { weight: 1, arbitrary: fc.string() }, { weight: 1, arbitrary: anyJson })
const auth = fc.oneof(fc.constant(`${TEST_APP.key}:${'0'.repeat(64)}`), fc.string(), anyJson)

/** Subscribe, signin and event data with the fields the server reads, each of any type. */
const data = fc.oneof(
  fc.record({ channel, auth, channel_data: fc.oneof(fc.string(), anyJson.map(value => JSON.stringify(value)), anyJson) }, { requiredKeys: [] }),
  fc.record({ auth, user_data: fc.oneof(fc.string(), anyJson.map(value => JSON.stringify(value))) }, { requiredKeys: [] }),
  anyJson,
  anyJson.map(value => JSON.stringify(value)),
)
const pusherShaped = fc.record({ event, channel, data }, { requiredKeys: [] }).map(frame => JSON.stringify(frame))

/** A valid frame's text with up to three characters replaced, inserted or removed. */
const mutated = fc.tuple(
  fc.constantFrom(
    '{"event":"pusher:subscribe","data":{"channel":"fuzz-public"}}',
    '{"event":"pusher:subscribe","data":{"channel":"private-fuzz","auth":"test-key:00"}}',
    '{"event":"pusher:unsubscribe","data":{"channel":"fuzz-public"}}',
    '{"event":"pusher:ping","data":{}}',
    '{"event":"client-typing","channel":"private-fuzz","data":{"on":true}}',
  ),
  fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), { minLength: 1, maxLength: 3 }),
).map(([text, edits]) => edits.reduce<string>((current, [at, how, char]) => {
  const i = at % (current.length + 1)
  if (how === 'insert') return current.slice(0, i) + char + current.slice(i)
  return current.slice(0, i) + (how === 'replace' ? char : '') + current.slice(i + 1)
}, text))

/** Frames with valid signatures for the socket they are sent on: real subscriptions, client events, signins. */
const signed = fc.tuple(fc.constantFrom('private-fuzz', 'private-cache-fuzz', 'presence-fuzz'), fc.nat({ max: 20 }), anyJson, fc.constantFrom('subscribe', 'client-event', 'signin'))
  .map(([kind, n, payload, action]) => (socketId: string) => {
    const name = `${kind}-${n}`
    if (action === 'client-event') return JSON.stringify({ event: 'client-fuzz', channel: name, data: payload })
    if (action === 'signin') {
      const userData = JSON.stringify({ id: String(n), user_info: payload })
      return JSON.stringify({ event: 'pusher:signin', data: { auth: userAuth(socketId, userData), user_data: userData } })
    }
    const channelData = kind === 'presence-fuzz' ? JSON.stringify({ user_id: String(n), user_info: payload }) : undefined
    return JSON.stringify({ event: 'pusher:subscribe', data: { channel: name, auth: channelAuth(socketId, name, channelData), channel_data: channelData } })
  })

const text = (arbitrary: fc.Arbitrary<string>) => arbitrary.map(value => ({ kind: 'text' as const, text: () => value }))

/** Every kind of frame, weighted towards ones the server has to look into. */
export const fuzzFrame: fc.Arbitrary<FuzzFrame> = fc.oneof(
  { weight: 10, arbitrary: fc.uint8Array({ maxLength: 300 }).map(bytes => ({ kind: 'binary' as const, bytes })) },
  { weight: 10, arbitrary: text(fc.string({ unit: 'binary', maxLength: 300 })) },
  { weight: 5, arbitrary: text(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', 'event', 'data', 'channel', 'pusher:', '1', ' ') })) },
  { weight: 15, arbitrary: text(fc.json({ maxDepth: 5 })) },
  { weight: 25, arbitrary: text(pusherShaped) },
  { weight: 20, arbitrary: text(mutated) },
  { weight: 15, arbitrary: signed.map(build => ({ kind: 'text' as const, text: build })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }).map(depth => ({ kind: 'text' as const, text: () => `{"event":"client-fuzz","channel":"private-fuzz-0","data":${'['.repeat(depth * 200)}${']'.repeat(depth * 200)}}` })) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 20 }).map(bytes => ({ kind: 'invalid-utf8' as const, bytes: new Uint8Array([0x7B, ...bytes, 0xC3, 0x28]) })),
      fc.integer({ min: 70_000, max: 200_000 }).map(size => ({ kind: 'oversized' as const, size })),
    ),
  },
)
