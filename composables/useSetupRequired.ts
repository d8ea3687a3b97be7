// Whether the installation still needs its first tenant and admin (`GET /api/setup`), asked while nobody is signed in.
import type { SetupState } from '#shared/settings'

/** `check()` answers true while no user exists; a "no" is remembered, since setup happens once. */
export function useSetupRequired() {
  const done = useState<boolean>('setup-done', () => false)

  /** Asks the server unless setup is known to be done; an unreachable server counts as "done" (the login page explains). */
  async function check(): Promise<boolean> {
    if (done.value) return false
    try {
      const required = (await useRequestFetch()<SetupState>('/api/setup')).needed
      done.value = !required
      return required
    }
    catch {
      return false
    }
  }

  /** Remembers that setup happened (after this browser did it). */
  function markDone(): void {
    done.value = true
  }

  return { check, markDone }
}
