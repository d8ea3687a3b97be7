// Validation of people: names, e-mail addresses, passwords and roles, as the user and setup routes take them.
import { z } from 'zod'
import { ROLES } from '../../../shared/access'

export const personNameSchema = z.string().trim().min(1).max(100)
/** E-mail addresses are compared lower-cased: the login form finds an account by nothing else. */
export const emailSchema = z.string().trim().toLowerCase().email().max(254)
/** At least 10 characters, as the setup page asks. */
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200)

/** Body of POST /api/tenants/{t}/users. */
export const newUserSchema = z.object({ name: personNameSchema, email: emailSchema, role: z.enum(ROLES), password: passwordSchema })

/** Body of PATCH /api/users/{u}: name, e-mail or role, at least one. */
export const userChangeSchema = z.object({ name: personNameSchema.optional(), email: emailSchema.optional(), role: z.enum(ROLES).optional() })
  .refine(body => body.name !== undefined || body.email !== undefined || body.role !== undefined, 'give name, email or role')

/** Body of POST /api/users/{u}/password (an admin resets it). */
export const passwordResetSchema = z.object({ password: passwordSchema })

/** Body of POST /api/auth/password (users change their own). */
export const ownPasswordSchema = z.object({ currentPassword: z.string().min(1).max(200), password: passwordSchema })

export type NewUserInput = z.infer<typeof newUserSchema>
export type UserChangeInput = z.infer<typeof userChangeSchema>
