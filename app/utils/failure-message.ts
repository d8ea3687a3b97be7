// What to tell the user when a request failed: the server's status message ($fetch puts it on the error), or a fallback.

/**
 * The server's statusMessage of a failed $fetch, else `fallback`, which callers pass already translated with vue-i18n's
 * `t` (a store captures `const { t } = useNuxtApp().$i18n` when it is set up: after an await it is out of reach).
 */
export function failureMessage(failure: unknown, fallback: string): string {
  return (failure as { statusMessage?: string } | null)?.statusMessage ?? fallback
}
