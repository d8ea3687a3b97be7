// "Sign out everywhere else": ends every session of the user but the current one, and closes their sockets.
import { sessionCredential } from '../../../auth/actor'
import { deleteUserSessions } from '../../../auth/session-records'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const ended = await deleteUserSessions(await useDatabase(), actor.user.id, actor.sessionId)
  for (const id of ended) revokeCredentialConnections(sessionCredential(id))
  return { ended: ended.length }
})
