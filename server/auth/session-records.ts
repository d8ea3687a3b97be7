// Server-side records of browser sessions: a sealed cookie only works while its record exists.
import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, gt, lte, ne } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { sessions } from '../db/schema'

/** How stale `last_seen_at` may get before a request refreshes it (one write per minute, not per request). */
const TOUCH_AFTER_MS = 60_000
/** Longest user agent kept (it is the client's own text). */
const MAX_USER_AGENT = 300

/** A session as its owner sees it in the list. */
export interface SessionSummary {
  id: number
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
  address: string | null
  userAgent: string | null
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Stores a new session of `userId` living `maxAgeSeconds`; returns its id and the secret the cookie carries. */
export async function createSessionRecord(db: Database, userId: number, client: { address: string, userAgent?: string }, maxAgeSeconds: number, now = new Date()): Promise<{ id: number, secret: string }> {
  const secret = randomBytes(32).toString('base64url')
  const [row] = await db.insert(sessions).values({
    userId, secretHash: hashSecret(secret), lastSeenAt: now, createdAt: now,
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000), address: client.address, userAgent: client.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
  }).returning({ id: sessions.id })
  return { id: row!.id, secret }
}

/** The id of the live session of `userId` the cookie's secret names, or null (logged out, expired, disabled). */
export async function findSessionRecord(db: Database, userId: number, secret: string, now = new Date()): Promise<number | null> {
  const [row] = await db.select({ id: sessions.id, lastSeenAt: sessions.lastSeenAt }).from(sessions)
    .where(and(eq(sessions.secretHash, hashSecret(secret)), eq(sessions.userId, userId), gt(sessions.expiresAt, now))).limit(1)
  if (!row) return null
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id))
  return row.id
}

/** The user's live sessions, newest first. */
export async function listUserSessions(db: Database, userId: number, now = new Date()): Promise<SessionSummary[]> {
  return db.select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, address: sessions.address, userAgent: sessions.userAgent })
    .from(sessions).where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now))).orderBy(desc(sessions.id))
}

/** Deletes one session of the user; false when they have no such session. */
export async function deleteSessionRecord(db: Database, userId: number, id: number): Promise<boolean> {
  return (await db.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, userId))).returning({ id: sessions.id })).length > 0
}

/** Deletes every session of the user but `keepId`; returns the ids deleted. */
export async function deleteUserSessions(db: Database, userId: number, keepId?: number): Promise<number[]> {
  const rows = await db.delete(sessions).where(and(eq(sessions.userId, userId), keepId === undefined ? undefined : ne(sessions.id, keepId))).returning({ id: sessions.id })
  return rows.map(row => row.id)
}

/** Deletes expired sessions; returns how many. */
export async function pruneExpiredSessions(db: Database, now = new Date()): Promise<number> {
  return (await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id })).length
}
