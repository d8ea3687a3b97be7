// What to tell the user when a request failed: the server's status message ($fetch puts it on the error), or a fallback.

/** The server's statusMessage of a failed $fetch, else `fallback`. */
export function failureMessage(failure: unknown, fallback: string): string {
  return (failure as { statusMessage?: string } | null)?.statusMessage ?? fallback
}
