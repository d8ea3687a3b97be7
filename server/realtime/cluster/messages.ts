// Messages between nodes on the app's bus: a small JSON header line, then the event payload untouched.

export type BusMessage =
  | { type: 'event', channel: string, event: string, offset: number, sentAt: number, except: string | null, node: string, republished: boolean, data: string }
  | { type: 'member_added', channel: string, userId: string, except: string | null, info: string }
  | { type: 'member_removed', channel: string, userId: string }
  | { type: 'terminate', userId: string }
  | { type: 'client_event', channel: string, event: string, except: string, node: string, userId: string | null, data: string }

interface Header {
  t: 'e' | 'a' | 'r' | 'x' | 'w'
  c?: string
  e?: string
  o?: number
  s?: number
  x?: string
  n?: string
  r?: 1
  u?: string
}

/** Reads a bus message; null for anything this version does not understand. */
export function decodeBusMessage(raw: string): BusMessage | null {
  const split = raw.indexOf('\n')
  if (split === -1) return null
  let header: Header
  try {
    header = JSON.parse(raw.slice(0, split)) as Header
  }
  catch {
    return null
  }
  const body = raw.slice(split + 1)
  switch (header.t) {
    case 'e': return { type: 'event', channel: header.c!, event: header.e!, offset: header.o!, sentAt: header.s!, except: header.x || null, node: header.n ?? '', republished: header.r === 1, data: body }
    case 'a': return { type: 'member_added', channel: header.c!, userId: header.u!, except: header.x || null, info: body }
    case 'r': return { type: 'member_removed', channel: header.c!, userId: header.u! }
    case 'x': return { type: 'terminate', userId: header.u! }
    case 'w': return { type: 'client_event', channel: header.c!, event: header.e!, except: header.x ?? '', node: header.n ?? '', userId: header.u ?? null, data: body }
    default: return null
  }
}

/** A client event for the other nodes' subscribers (never stored: whispers have no history). */
export function clientEventMessage(event: { channel: string, event: string, except: string, node: string, userId: string | null, data: string }): string {
  const header: Header = { t: 'w', c: event.channel, e: event.event, x: event.except, n: event.node }
  if (event.userId !== null) header.u = event.userId
  return `${JSON.stringify(header)}\n${event.data}`
}

/** The control message asking every node to close a user's sockets. */
export function terminateMessage(userId: string): string {
  return `${JSON.stringify({ t: 'x', u: userId })}\n`
}
