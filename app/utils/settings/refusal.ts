// What a refused Settings request said, and which form field it names.
import type { MessageParams } from '#shared/server-message'

export interface Refusal {
  /** The field the server named (`name`, `zones.name`, `thresholds.ph.min`), null when none. */
  field: string | null
  message: string
  /** The catalogue code of the message (`validation.tooShort`), for showing it in the page's language; null when none. */
  code: string | null
  params: MessageParams
}

/** The server's refusal from a failed `$fetch` (422 `{ statusMessage, data: { field, code, params } }`), or a plain message. */
export function refusalOf(failure: unknown): Refusal {
  const { statusMessage, message, data } = failure as { statusMessage?: string, message?: string, data?: { statusMessage?: string, data?: { field?: unknown, code?: unknown, params?: unknown } } }
  const details = data?.data
  const field = typeof details?.field === 'string' ? details.field : null
  const code = typeof details?.code === 'string' ? details.code : null
  const params = details?.params && typeof details.params === 'object' ? details.params as MessageParams : {}
  return { field, message: statusMessage ?? data?.statusMessage ?? message ?? 'Refused', code, params }
}

/**
 * The form field among `names` that a server field path points at: the path itself, or the path without its
 * resource prefix (`zones.name` → `name`), or its first segment (`thresholds.ph.min` → `thresholds`).
 */
export function formFieldOf(field: string | null, names: readonly string[]): string | null {
  if (field === null) return null
  const segments = field.split('.')
  const candidates = [field, segments.slice(1).join('.'), segments[0]!, segments[1] ?? '']
  return candidates.find(candidate => names.includes(candidate)) ?? null
}
