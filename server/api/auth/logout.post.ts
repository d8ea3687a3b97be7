// Ends the browser session: its record is deleted (a copied cookie stops working) and its sockets close.
import { deleteSessionRecord } from '../../auth/session-records'
import { endSession } from '../../auth/session'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  if (actor.sessionId !== undefined) {
    await deleteSessionRecord(await useDatabase(), actor.user.id, actor.sessionId)
    revokeCredentialConnections(actor.credential)
  }
  await endSession(event)
  return { ok: true }
})
