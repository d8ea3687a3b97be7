// Who is making a request: a session user or an API token, with the abilities they hold.
import type { H3Event } from 'h3'
import { createError, getRequestHeader } from 'h3'
import { and, eq, isNull } from 'drizzle-orm'
import type { Ability, SessionUser } from '../../shared/access'
import { ROLE_ABILITIES } from '../../shared/access'
import type { Database } from '../db/connection'
import { apiTokens, tenants, users } from '../db/schema'
import { parseToken, tokenMatches } from './api-tokens'
import { refuseCrossSite } from './request-origin'
import { csrfMatches, readSession, XSRF_HEADER } from './session'
import { findSessionRecord } from './session-records'

/** The acting user: the same shape the browser gets from /api/auth/me. */
export type ActorUser = SessionUser

export interface Actor {
  user: ActorUser
  abilities: ReadonlySet<Ability>
  via: 'session' | 'token'
  tokenId?: number
  /** Id of the session record (sessions only). */
  sessionId?: number
  /** What the request authenticated with, `session:<id>` or `token:<id>`: sockets signed through it close when it ends. */
  credential: string
  /** CSRF token of the session (sessions only). */
  csrf?: string
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The request's actor, or null when it carries no valid session or token. Cached per request. */
export async function resolveActor(db: Database, event: H3Event): Promise<Actor | null> {
  if (event.context.actor !== undefined) return event.context.actor as Actor | null
  const authorization = getRequestHeader(event, 'authorization')
  const actor = authorization?.startsWith('Bearer ')
    ? await tokenActor(db, authorization.slice(7).trim())
    : await sessionActor(db, event)
  event.context.actor = actor
  return actor
}

/**
 * The actor, or an error: 401 without credentials, 403 for a session request that changes state from
 * another site's page, 419 for one without the CSRF header, 403 when `ability` is missing.
 */
export async function requireActor(db: Database, event: H3Event, ability: Ability = 'read'): Promise<Actor> {
  const actor = await resolveActor(db, event)
  if (!actor) throw createError({ statusCode: 401, statusMessage: 'Log in or send a Bearer token' })
  if (actor.via === 'session' && !SAFE_METHODS.has(event.method)) {
    refuseCrossSite(event)
    if (!csrfMatches({ csrf: actor.csrf }, getRequestHeader(event, XSRF_HEADER))) {
      throw createError({ statusCode: 419, statusMessage: 'X-XSRF-TOKEN header missing or wrong (CSRF protection)' })
    }
  }
  if (!actor.abilities.has(ability)) throw createError({ statusCode: 403, statusMessage: `This requires the "${ability}" ability` })
  return actor
}

async function sessionActor(db: Database, event: H3Event): Promise<Actor | null> {
  const session = await readSession(event)
  if (!session?.userId || !session.sid) return null
  // The cookie is only as good as its server-side record: logout and disable delete it.
  const sessionId = await findSessionRecord(db, session.userId, session.sid)
  if (sessionId === null) return null
  const user = await activeUser(db, session.userId)
  return user && { user, abilities: new Set(ROLE_ABILITIES[user.role]), via: 'session', csrf: session.csrf, sessionId, credential: sessionCredential(sessionId) }
}

/** How stale a token's `lastUsedAt` may get before a request refreshes it. */
const LAST_USED_RESOLUTION_MS = 60_000

/** The actor of a plain API token (Bearer header, MQTT credentials), or null when it is not a live token. */
export async function tokenActor(db: Database, presented: string): Promise<Actor | null> {
  const parsed = parseToken(presented)
  if (!parsed) return null
  const [token] = await db.select().from(apiTokens).where(and(eq(apiTokens.id, parsed.id), isNull(apiTokens.revokedAt))).limit(1)
  if (!token || !tokenMatches(parsed.secret, token.tokenHash)) return null
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return null
  const user = await activeUser(db, token.userId)
  if (!user) return null
  const allowed = new Set(ROLE_ABILITIES[user.role])
  const abilities = new Set(token.abilities.filter((ability): ability is Ability => allowed.has(ability as Ability)))
  // A device sending every second needs no write per request to say it was used: once a minute is as telling.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, token.id))
  }
  return { user, abilities, via: 'token', tokenId: token.id, credential: tokenCredential(token.id) }
}

/** The credential key of an API token. */
export function tokenCredential(tokenId: number): string {
  return `token:${tokenId}`
}

/** The credential key of a browser session. */
export function sessionCredential(sessionId: number): string {
  return `session:${sessionId}`
}

/** The user with their tenant's name, or null when unknown or disabled. */
export async function activeUser(db: Database, userId: number): Promise<ActorUser | null> {
  const [row] = await db
    .select({ id: users.id, tenantId: users.tenantId, tenantName: tenants.name, email: users.email, name: users.name, role: users.role, isOwner: users.isOwner, locale: users.locale, disabledAt: users.disabledAt })
    .from(users).innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.id, userId)).limit(1)
  if (!row || row.disabledAt) return null
  const { disabledAt: _disabled, ...user } = row
  return user
}
