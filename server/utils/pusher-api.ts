// Adapter from an h3 request to a signed Pusher HTTP API call of the engine.
import type { H3Event } from 'h3'
import type { AppState } from '../realtime/app-state'
import type { RealtimeEngine } from '../realtime/engine'
import type { ApiRequest, ApiResult } from '../realtime/http-api/api-request'
import { verifyApiRequest } from '../realtime/http-api/verify-request'
import { readBodyUpTo } from './request-body'

type Operation = (engine: RealtimeEngine, state: AppState, request: ApiRequest) => ApiResult | Promise<ApiResult>

/** Reads and verifies the request, runs the operation, and answers with its status and body. */
export async function runPusherApiCall(event: H3Event, operation: Operation): Promise<object | string> {
  const engine = useRealtimeEngine()
  const state = engine.appById(getRouterParam(event, 'appId') ?? '')
  const result = state ? await authenticCall(event, engine, state, operation) : { status: 404, body: 'Unknown app id' }
  setResponseStatus(event, result.status)
  if (typeof result.body === 'string') setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8')
  return result.body
}

async function authenticCall(event: H3Event, engine: RealtimeEngine, state: AppState, operation: Operation): Promise<ApiResult> {
  const body = await readBodyUpTo(event, engine.limits.maxRequestSize)
  if (body === null) return { status: 413, body: `Request body is over ${engine.limits.maxRequestSize} bytes` }
  const url = event.node.req.url ?? '/'
  const queryStart = url.indexOf('?')
  const request: ApiRequest = {
    method: event.method,
    path: queryStart < 0 ? url : url.slice(0, queryStart),
    query: new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1)),
    body,
  }
  return verifyApiRequest(state.app, request) ?? await operation(engine, state, request)
}
