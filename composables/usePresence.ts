// Who else is looking at the same thing: the members of a presence channel, kept live.
import { channelRegistry } from './useEcho'

export interface PresenceMember {
  id: string
  name: string
  role: string
}

/** Joins `channel` (a presence- channel) while the calling component lives; `members` follows joins and leaves. */
export function usePresence(channel: string, componentTag: string) {
  const members = shallowRef<PresenceMember[]>([])
  const { subscribe } = useWebSocket()
  const refresh = () => {
    members.value = Object.entries(channelRegistry.presenceMembers(channel)).map(([id, info]) => {
      const { name, role } = (info ?? {}) as { name?: string, role?: string }
      return { id, name: name ?? `user ${id}`, role: role ?? '' }
    })
  }
  for (const event of ['pusher:subscription_succeeded', 'pusher:member_added', 'pusher:member_removed']) {
    subscribe(channel, event, refresh, { componentTag })
  }
  if (import.meta.client) refresh()
  return { members }
}
