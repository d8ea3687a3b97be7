// Real clients configured against a test server: the `pusher` SDK (as Laravel configures it), pusher-js and Echo.
import Echo from 'laravel-echo'
import Pusher from 'pusher'
import PusherJs from 'pusher-js'
import type { ChannelAuthorizationCallback, Options as PusherJsOptions } from 'pusher-js'
import type { ServerProcess } from './server-process'
import { TEST_APP } from './server-process'

/** The server SDK set up the way Laravel's `reverb` broadcaster sets up its Pusher client. */
export function serverSdk(server: ServerProcess, app = TEST_APP): Pusher {
  return new Pusher({
    appId: app.id,
    key: app.key,
    secret: app.secret,
    host: '127.0.0.1',
    port: String(server.port),
    useTLS: false,
    encryptionMasterKeyBase64: Buffer.alloc(32, 7).toString('base64'),
  })
}

/** Where a pusher-js or Echo client finds the test server: its WebSocket on 127.0.0.1, plain, no fallback transports. */
export function serverSocket(server: ServerProcess) {
  return { wsHost: '127.0.0.1', wsPort: server.port, forceTLS: false, enabledTransports: ['ws'] as ['ws'] }
}

/** Channel authorisation signed locally by the SDK, standing in for an auth endpoint. */
function sdkAuthorizer(sdk: Pusher, presenceUser?: { user_id: string, user_info?: Record<string, unknown> }) {
  return (params: { socketId: string, channelName: string }, callback: (error: Error | null, data: { auth: string, channel_data?: string, shared_secret?: string } | null) => void) => {
    const data = params.channelName.startsWith('presence-')
      ? sdk.authorizeChannel(params.socketId, params.channelName, presenceUser ?? { user_id: 'anonymous' })
      : sdk.authorizeChannel(params.socketId, params.channelName)
    callback(null, data)
  }
}

/** A pusher-js client connected to the test server. */
export function pusherClient(server: ServerProcess, sdk: Pusher, options: { user?: { user_id: string, user_info?: Record<string, unknown> } } & Partial<PusherJsOptions> = {}): PusherJs {
  const { user, ...rest } = options
  return new PusherJs(TEST_APP.key, {
    cluster: 'local',
    ...serverSocket(server),
    channelAuthorization: { endpoint: '', transport: 'ajax', customHandler: sdkAuthorizer(sdk, user) },
    userAuthentication: {
      endpoint: '',
      transport: 'ajax',
      customHandler: (params, callback) => callback(null, sdk.authenticateUser(params.socketId, { id: user?.user_id ?? 'anonymous' })),
    },
    ...rest,
  })
}

/** A laravel-echo instance with the given broadcaster, on pusher-js; `wsPath: '/lookout'` asks for offsets. */
export function echoClient(server: ServerProcess, sdk: Pusher, broadcaster: 'reverb' | 'pusher', user?: { user_id: string, user_info?: Record<string, unknown> }, extra: { wsPath?: string } = {}): Echo<'reverb'> | Echo<'pusher'> {
  const authorizer = (channel: { name: string }) => ({
    authorize: (socketId: string, callback: ChannelAuthorizationCallback) => sdkAuthorizer(sdk, user)({ socketId, channelName: channel.name }, callback),
  })
  const common = {
    key: TEST_APP.key,
    ...serverSocket(server),
    Pusher: PusherJs,
    authorizer,
    ...extra,
  }
  return broadcaster === 'reverb'
    ? new Echo({ broadcaster: 'reverb', ...common })
    : new Echo({ broadcaster: 'pusher', cluster: 'local', ...common })
}

/** Resolves when `predicate` becomes true, polling every 20 ms for at most `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(done => setTimeout(done, 20))
  }
}

/** Resolves once a pusher-js client is connected. */
export function connected(client: PusherJs): Promise<void> {
  return waitFor(() => client.connection.state === 'connected', 5_000, 'pusher-js to connect')
}

/** A pusher-js client that authorises channels through the server's real /broadcasting/auth with a session. */
export function sessionClient(server: ServerProcess, session: { fetch: (path: string, init?: RequestInit) => Promise<Response> }): PusherJs {
  return new PusherJs(TEST_APP.key, {
    cluster: 'local',
    ...serverSocket(server),
    channelAuthorization: {
      endpoint: '',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        session.fetch('/broadcasting/auth', { method: 'POST', body: JSON.stringify({ socket_id: socketId, channel_name: channelName }) })
          .then(async response => response.ok ? callback(null, await response.json()) : callback(new Error(`auth ${response.status}`), null))
          .catch(error => callback(error as Error, null))
      },
    },
  })
}
