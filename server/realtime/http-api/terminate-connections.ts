// POST /apps/{id}/users/{user}/terminate_connections.
import type { AppState } from '../app-state'
import type { RealtimeEngine } from '../engine'
import type { ApiResult } from './api-request'
import { apiError } from './api-request'

/** Closes every socket of the user on this node. */
export function terminateConnections(engine: RealtimeEngine, state: AppState, userId: string): ApiResult {
  if (!userId || userId.length > 200) return apiError(400, 'user: a user id is required')
  engine.terminateUser(state, userId)
  return { status: 200, body: {} }
}
