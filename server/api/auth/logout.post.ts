// Ends the browser session.
import { endSession } from '../../auth/session'

export default defineEventHandler(async (event) => {
  await useActor(event)
  await endSession(event)
  return { ok: true }
})
