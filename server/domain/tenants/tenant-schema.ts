// Validation of a new tenant with its first admin: the body of POST /api/setup and POST /api/tenants.
import { z } from 'zod'
import { emailSchema, passwordSchema, personNameSchema } from '../users/user-schema'

export const newTenantSchema = z.object({
  tenant: z.object({ name: z.string().trim().min(1).max(100) }),
  admin: z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema }),
})

export type NewTenantInput = z.infer<typeof newTenantSchema>
