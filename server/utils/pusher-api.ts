// Adapter from an h3 request to a signed Pusher HTTP API call of the engine.
import type { H3Event } from 'h3'
import type { AppState } from '../realtime/app-state'
import type { RealtimeEngine } from '../realtime/engine'
import type { ApiRequest, ApiResult } from '../realtime/http-api/api-request'
import { verifyApiRequest } from '../realtime/http-api/verify-request'

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

/** The body, or null as soon as it passes `limit` bytes (nothing larger is ever buffered). */
async function readBodyUpTo(event: H3Event, limit: number): Promise<Buffer | null> {
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > limit) return null
  if (event.method === 'GET' || event.method === 'HEAD') return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of event.node.req) {
    size += (chunk as Buffer).length
    if (size > limit) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
