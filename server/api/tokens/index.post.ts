// Creates an API token for a user of the admin's tenant; the plain token is shown once.
import { z } from 'zod'
import { ABILITIES } from '../../../shared/access'
import { authorizeAdmin } from '../../domain/policies'
import { createToken } from '../../domain/users/token-admin'

const body = z.object({
  name: z.string().trim().min(1).max(100),
  abilities: z.array(z.enum(ABILITIES)).min(1),
  userId: z.number().int().positive().optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, body)
  const token = await domainCall(async () => createToken(await useDomain(), actor, input))
  setResponseStatus(event, 201)
  return token
})
