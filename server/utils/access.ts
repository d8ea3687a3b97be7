// Route-side access helpers: the actor of a request, and policy decisions turned into 403s.
import type { H3Event } from 'h3'
import { createError } from 'h3'
import type { Ability } from '../../shared/access'
import type { Actor } from '../auth/actor'
import { requireActor } from '../auth/actor'
import type { Decision } from '../domain/policies'

/** The request's actor with `ability` (401/403/419 otherwise), with the database. */
export async function useActor(event: H3Event, ability: Ability = 'read'): Promise<Actor> {
  return requireActor(await useDatabase(), event, ability)
}

/** Throws 403 with the policy's reason unless the decision allows. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw createError({ statusCode: 403, statusMessage: `Forbidden: ${decision.reason}` })
}

/** Like enforce, but a refusal names `field` (the part of the body only admins may set) when there is one. */
export function enforceAdminField(decision: Decision, field: string | null): void {
  if (decision.allowed || !field) return enforce(decision)
  throw createError({ statusCode: 403, statusMessage: `${field}: ${decision.reason}`, data: { field } })
}
