// An error of the domain's rules that the HTTP edge turns into a 4xx naming the field.
import type { MessageParams } from '../../shared/server-message'

/** The catalogue code (namespace `validation`) of a refusal a form shows in its reader's language. */
export interface RefusalCode {
  code: string
  params?: MessageParams
}

export class DomainError extends Error {
  constructor(readonly status: number, readonly field: string, message: string, readonly refusal: RefusalCode | null = null) {
    super(`${field}: ${message}`)
  }
}
