// Revokes an API token of the admin's tenant (in the activity feed) and closes the sockets it signed.
import { tokenCredential } from '../../auth/actor'
import { authorizeAdmin } from '../../domain/policies'
import { revokeToken } from '../../domain/users/token-admin'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const id = idParam(event, 'token')
  const revoked = await domainCall(async () => revokeToken(await useDomain(), actor, id))
  return { ...revoked, connectionsClosed: revokeCredentialConnections(tokenCredential(id)) }
})
