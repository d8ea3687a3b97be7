// Idempotency-Key handling for ingest: the key is claimed in the request's own transaction, so the
// stored data and the stored answer commit together and a retry gets the same answer, nothing twice.
import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { idempotencyKeys } from '../db/schema'
import { DomainError } from '../domain/errors'

export interface StoredAnswer {
  status: number
  body: unknown
  replayed: boolean
}

/** Runs `work` once per (tenant, key); a retry with the same body gets the stored answer, another body 422. */
export async function runOncePerKey(tx: Database, tenantId: number, key: string | undefined, request: unknown, work: () => Promise<{ status: number, body: unknown }>): Promise<StoredAnswer> {
  if (!key) return { ...await work(), replayed: false }
  if (key.length > 200) throw new DomainError(400, 'Idempotency-Key', 'at most 200 characters')
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex')
  // Plain SQL for the two statements every keyed request runs: the query builder cost more than the statements' own work.
  const claimed = await tx.execute(sql`INSERT INTO ${idempotencyKeys} (tenant_id, key, request_hash, status_code, response)
    VALUES (${tenantId}, ${key}, ${requestHash}, 0, '{}') ON CONFLICT DO NOTHING RETURNING key`)
  if ((claimed as unknown as { rows: unknown[] }).rows.length === 0) {
    const [stored] = await tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)))
    if (stored!.requestHash !== requestHash) throw new DomainError(422, 'Idempotency-Key', 'was already used with a different body')
    return { status: stored!.statusCode, body: stored!.response, replayed: true }
  }
  const answer = await work()
  await tx.execute(sql`UPDATE ${idempotencyKeys} SET status_code = ${answer.status}, response = ${JSON.stringify(answer.body ?? null)}::jsonb
    WHERE tenant_id = ${tenantId} AND key = ${key}`)
  return { ...answer, replayed: false }
}
