// The signed-in user as the pages know it, loaded once per page load from /api/auth/me.
import type { SessionUser } from '#shared/access'

interface MeResponse {
  user: SessionUser
  abilities: string[]
  csrfToken: string | null
}

/** Shared state: the user (null when signed out) and what they may do. */
export function useCurrentUser() {
  const me = useState<MeResponse | null>('current-user', () => null)

  /** Loads the user; false when nobody is signed in. */
  async function load(): Promise<boolean> {
    try {
      me.value = await useRequestFetch()<MeResponse>('/api/auth/me')
      return true
    }
    catch {
      me.value = null
      return false
    }
  }

  /** Ends the session and forgets the user. */
  async function logout(): Promise<void> {
    await $fetch('/api/auth/logout', { method: 'POST', headers: { 'x-xsrf-token': me.value?.csrfToken ?? '' } })
    me.value = null
  }

  /** Ends the user's other sessions (other browsers, a forgotten computer); returns how many. */
  async function signOutOthers(): Promise<number> {
    const answer = await $fetch<{ ended: number }>('/api/auth/sessions', { method: 'DELETE', headers: { 'x-xsrf-token': me.value?.csrfToken ?? '' } })
    return answer.ended
  }

  return { me, load, logout, signOutOthers }
}
