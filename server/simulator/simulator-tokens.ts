// Ingest tokens the simulator uses, one per tenant, made fresh on every start (old ones are revoked).
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { formatToken, newTokenSecret } from '../auth/api-tokens'
import type { Database } from '../db/connection'
import { apiTokens, users } from '../db/schema'

export const SIMULATOR_TOKEN_NAME = 'built-in simulator'

/** A plain ingest token per tenant id, owned by the tenant's first admin. */
export async function simulatorTokens(db: Database, tenantIds: number[]): Promise<Map<number, string>> {
  const tokens = new Map<number, string>()
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.name, SIMULATOR_TOKEN_NAME), isNull(apiTokens.revokedAt)))
  const admins = await db.select({ id: users.id, tenantId: users.tenantId }).from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), inArray(users.tenantId, tenantIds))).orderBy(users.id)
  for (const tenantId of tenantIds) {
    const admin = admins.find(user => user.tenantId === tenantId)
    if (!admin) continue
    const { secret, hash } = newTokenSecret()
    const [row] = await db.insert(apiTokens).values({ userId: admin.id, name: SIMULATOR_TOKEN_NAME, tokenHash: hash, abilities: ['ingest'] }).returning({ id: apiTokens.id })
    tokens.set(tenantId, formatToken(row!.id, secret))
  }
  return tokens
}
