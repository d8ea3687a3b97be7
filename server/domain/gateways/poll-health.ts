// What a batch of Modbus polls writes besides readings, one statement each for any number of gateways and points.
import { sql } from 'drizzle-orm'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { dataPoints, gateways } from '../../db/schema'

export interface PollHealth {
  gatewayId: number
  durationMs: number
  /** The device answered: contact is marked as of `at`. */
  answered: boolean
  /** The poll's first error; null when every point was read. */
  error: string | null
}

/** Marks data points that could not be read bad with their error; their last good value and time stay. */
export async function markPointsBad(tx: Database, failed: Array<{ id: number, message: string }>): Promise<void> {
  if (failed.length === 0) return
  await tx.execute(sql`
    UPDATE ${dataPoints} SET last_quality = 'bad', last_error = v.message
    FROM unnest(${arrayParam(failed.map(point => point.id))}::integer[], ${arrayParam(failed.map(point => point.message))}::text[]) AS v(id, message)
    WHERE ${dataPoints.id} = v.id`)
}

/**
 * Stores each gateway's poll health as of `at` (failures counted up on an error, reset otherwise) and, where the
 * device answered, its contact. Gateways that were offline go through markContact instead, for their transition.
 */
export async function storePollHealth(tx: Database, polls: PollHealth[], at: Date): Promise<void> {
  if (polls.length === 0) return
  const column = <T>(pick: (poll: PollHealth) => T) => arrayParam(polls.map(pick))
  await tx.execute(sql`
    UPDATE ${gateways} SET
      online = CASE WHEN v.answered THEN true ELSE ${gateways.online} END,
      last_contact_at = CASE WHEN v.answered THEN ${at.toISOString()}::timestamptz ELSE ${gateways.lastContactAt} END,
      poll_last_at = ${at.toISOString()}::timestamptz, poll_duration_ms = v.duration, poll_last_error = v.error,
      poll_failures = CASE WHEN v.error IS NULL THEN 0 ELSE ${gateways.pollFailures} + 1 END
    FROM unnest(${column(poll => poll.gatewayId)}::integer[], ${column(poll => Math.round(poll.durationMs))}::integer[],
      ${column(poll => poll.answered)}::boolean[], ${column(poll => poll.error)}::text[]) AS v(id, duration, answered, error)
    WHERE ${gateways.id} = v.id`)
}
