// Messages between nodes on the app's bus: a small JSON header line, then the event payload untouched.
import type { SocketBinding } from '../connection'
import type { PayloadShape } from '../recovery-meta'

export type BusMessage =
  | { type: 'event', channel: string, event: string, offset: number, sentAt: number, shape: PayloadShape, except: string | null, node: string, republished: boolean, data: string }
  | { type: 'client', channel: string, event: string, except: string | null, userId: string | null, data: string }
  | { type: 'member_added', channel: string, userId: string, except: string | null, info: string }
  | { type: 'member_removed', channel: string, userId: string }
  | { type: 'terminate', userId: string }
  | { type: 'revoke', credential: string }
  | { type: 'bind', socketId: string, binding: SocketBinding, issuedAt: number }
  | { type: 'settled', node: string, seq: number }

interface Header {
  /** Message type: event, client event, member added/removed, terminate, revoke (k), bind (b), settled (f). */
  t: 'e' | 'c' | 'a' | 'r' | 'x' | 'k' | 'b' | 'f'
  c?: string
  e?: string
  o?: number
  s?: number
  x?: string
  n?: string
  r?: 1
  u?: string
  /** Payload shape of an event; credential of a revocation or binding. */
  k?: string
  /** Role of a binding (null when unknown). */
  l?: string | null
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const SHAPES: ReadonlySet<string> = new Set<PayloadShape>(['object', 'empty-object', 'other'])
// A header without a known shape (an older node's) gets no recovery metadata rather than a wrong splice.
const shapeOf = (value: unknown): PayloadShape => (isString(value) && SHAPES.has(value) ? value as PayloadShape : 'other')

/**
 * Reads a bus message; null for anything this version does not understand. Anyone with access to
 * Redis can publish on the bus, so a malformed message is dropped rather than allowed to throw.
 */
export function decodeBusMessage(raw: string): BusMessage | null {
  const split = raw.indexOf('\n')
  if (split === -1) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.slice(0, split))
  }
  catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const header = parsed as Partial<Header>
  const body = raw.slice(split + 1)
  const except = isString(header.x) && header.x !== '' ? header.x : null
  switch (header.t) {
    case 'e':
      if (!isString(header.c) || !isString(header.e) || !isNumber(header.o) || !isNumber(header.s)) return null
      return { type: 'event', channel: header.c, event: header.e, offset: header.o, sentAt: header.s, shape: shapeOf(header.k), except, node: isString(header.n) ? header.n : '', republished: header.r === 1, data: body }
    case 'c':
      if (!isString(header.c) || !isString(header.e)) return null
      return { type: 'client', channel: header.c, event: header.e, except, userId: isString(header.u) ? header.u : null, data: body }
    case 'a':
      if (!isString(header.c) || !isString(header.u)) return null
      return { type: 'member_added', channel: header.c, userId: header.u, except, info: body }
    case 'r':
      if (!isString(header.c) || !isString(header.u)) return null
      return { type: 'member_removed', channel: header.c, userId: header.u }
    case 'x':
      if (!isString(header.u)) return null
      return { type: 'terminate', userId: header.u }
    case 'k':
      if (!isString(header.k)) return null
      return { type: 'revoke', credential: header.k }
    case 'b':
      if (!isString(header.x) || !isString(header.u) || !isString(header.k) || !isNumber(header.s)) return null
      return { type: 'bind', socketId: header.x, binding: { userId: header.u, credential: header.k, role: isString(header.l) ? header.l : null }, issuedAt: header.s }
    case 'f':
      if (!isString(header.n) || !isNumber(header.o)) return null
      return { type: 'settled', node: header.n, seq: header.o }
    default: return null
  }
}

/** The control message asking every node to close a user's sockets. */
export function terminateMessage(userId: string): string {
  return `${JSON.stringify({ t: 'x', u: userId })}\n`
}

/** The control message asking every node to close the sockets bound through a credential. */
export function revokeMessage(credential: string): string {
  return `${JSON.stringify({ t: 'k', k: credential })}\n`
}

/** The control message binding a socket, on whichever node holds it, to a user and credential. */
export function bindMessage(socketId: string, binding: SocketBinding, issuedAt: number): string {
  return `${JSON.stringify({ t: 'b', x: socketId, u: binding.userId, k: binding.credential, l: binding.role, s: issuedAt })}\n`
}

/** A client event for every node's subscribers of the channel but the sender; `userId` on presence channels. */
export function clientEventMessage(channel: string, event: string, payload: string, except: string, userId?: string): string {
  return `${JSON.stringify({ t: 'c', c: channel, e: event, x: except, ...(userId === undefined ? {} : { u: userId }) })}\n${payload}`
}

/** The marker a node sends itself through the bus: once it is back, everything the node sent before it is too. */
export function settledMessage(node: string, seq: number): string {
  return `${JSON.stringify({ t: 'f', n: node, o: seq })}\n`
}
