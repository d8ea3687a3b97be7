// The shape of an HTTP API call as the engine sees it, independent of the web framework.

export interface ApiRequest {
  method: string
  /** Path exactly as requested (not decoded), e.g. `/apps/1/channels/presence-a`: it is signed. */
  path: string
  query: URLSearchParams
  body: Buffer
}

/** Status and body; an object body is sent as JSON, a string as plain text (as Pusher does for errors). */
export interface ApiResult {
  status: number
  body: object | string
}

/** An error answer with a real HTTP status. */
export function apiError(status: number, message: string): ApiResult {
  return { status, body: message }
}
