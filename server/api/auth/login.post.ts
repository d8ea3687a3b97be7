// Logs a user in with e-mail and password and starts a browser session.
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { activeUser } from '../../auth/actor'
import { requestAddress } from '../../auth/client-address'
import { refuseCrossSite } from '../../auth/request-origin'
import { FixedWindowLimiter } from '../../auth/fixed-window-limiter'
import { hashPassword, verifyPassword } from '../../auth/password'
import { sessionMaxAge, startSession } from '../../auth/session'
import { createSessionRecord, pruneExpiredSessions } from '../../auth/session-records'
import { users } from '../../db/schema'

const body = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) })
// Slows password guessing: attempts per address and e-mail per minute.
const attempts = new FixedWindowLimiter(Number(process.env.LOGIN_ATTEMPTS_PER_MINUTE || 10))

let dummyHash: Promise<string> | null = null
const unknownUserHash = () => (dummyHash ??= hashPassword('no account has this password'))

export default defineEventHandler(async (event) => {
  // Login CSRF: another site's form must not sign this browser in as the attacker's account.
  refuseCrossSite(event)
  const { email, password } = await validBody(event, body)
  const limit = attempts.hit(`${requestAddress(event)}|${email}`)
  if (!limit.allowed) {
    setResponseHeader(event, 'retry-after', limit.retryAfter)
    throw createError({ statusCode: 429, statusMessage: `Too many login attempts; retry after ${limit.retryAfter} s` })
  }
  const db = await useDatabase()
  const [row] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).limit(1)
  // An unknown e-mail costs the same hashing time as a known one, so timing does not reveal accounts.
  const matches = await verifyPassword(password, row?.passwordHash ?? await unknownUserHash())
  const user = row && matches ? await activeUser(db, row.id) : null
  if (!user) throw createError({ statusCode: 401, statusMessage: 'E-mail or password is wrong, or the account is disabled' })
  await pruneExpiredSessions(db)
  const record = await createSessionRecord(db, user.id, { address: requestAddress(event), userAgent: getRequestHeader(event, 'user-agent') }, sessionMaxAge())
  const csrfToken = await startSession(event, user.id, record.secret)
  return { user, csrfToken }
})
