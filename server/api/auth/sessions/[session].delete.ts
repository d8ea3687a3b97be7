// Ends one of the user's own sessions (404 for anyone else's) and closes the sockets it signed.
import { sessionCredential } from '../../../auth/actor'
import { deleteSessionRecord } from '../../../auth/session-records'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const id = idParam(event, 'session')
  if (!await deleteSessionRecord(await useDatabase(), actor.user.id, id)) throw createError({ statusCode: 404, statusMessage: `session ${id}: not one of your sessions` })
  return { id, ended: true, connectionsClosed: revokeCredentialConnections(sessionCredential(id)) }
})
