// The signed-in user's own live sessions (created, last seen, address, user agent), the current one marked.
import { listUserSessions } from '../../../auth/session-records'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const rows = await listUserSessions(await useDatabase(), actor.user.id)
  return { data: rows.map(row => ({ ...row, current: row.id === actor.sessionId })) }
})
