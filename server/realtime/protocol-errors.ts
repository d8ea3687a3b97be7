// The Pusher protocol's error codes: close codes 4000-4299 and in-band `pusher:error` codes.

export const ErrorCode = {
  /** Close: the app key in the URL is unknown. Clients do not reconnect. */
  UnknownApp: 4001,
  /** Close: the app has reached its connection quota. */
  OverQuota: 4004,
  /** Close: the client supplied no protocol version. */
  NoProtocolVersion: 4008,
  /** Close: the protocol version is not supported. */
  UnsupportedProtocol: 4007,
  /** In-band or close: the client is not authorised (bad signature, forbidden action). */
  Unauthorized: 4009,
  /** Close: the server is over capacity or the client cannot keep up; reconnect after backoff. */
  OverCapacity: 4100,
  /** Close: generic "reconnect now" (graceful restart, terminated by the HTTP API). */
  Reconnect: 4200,
  /** Close: the client did not answer a ping in time. */
  PongTimeout: 4201,
  /** In-band: client events sent faster than the limit. */
  ClientEventRateLimit: 4301,
} as const

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode]
