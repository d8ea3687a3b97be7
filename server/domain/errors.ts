// An error of the domain's rules that the HTTP edge turns into a 4xx naming the field.

export class DomainError extends Error {
  constructor(readonly status: number, readonly field: string, message: string) {
    super(`${field}: ${message}`)
  }
}
