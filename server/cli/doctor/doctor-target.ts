// Where the doctor looks: the running server beside it, the URL browsers use, and the configuration both share.
import type { EngineConfig } from '../../realtime/app-config'
import { loadEngineConfig } from '../../realtime/app-config'
import type { WebhookSettings } from '../../realtime/webhooks/webhook-config'
import { loadWebhookSettings } from '../../realtime/webhooks/webhook-config'

export interface DoctorTarget {
  env: Record<string, string | undefined>
  /** The server on this machine (HOST/PORT), asked for its health. */
  serverUrl: string
  /** The URL a browser uses (LOOKOUT_URL), default the server on this machine. */
  publicUrl: URL
  /** Null when the environment does not load; the configuration check says why. */
  engine: EngineConfig | null
  webhooks: WebhookSettings | null
}

/** Reads the environment the way the server does, never throwing: what is wrong becomes a FAIL line later. */
export function doctorTarget(env: Record<string, string | undefined>): DoctorTarget {
  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST
  const serverUrl = `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT || 3000}`
  return {
    env,
    serverUrl,
    publicUrl: parsedOr(env.LOOKOUT_URL, serverUrl),
    engine: attempt(() => loadEngineConfig(env)),
    webhooks: attempt(() => loadWebhookSettings(env)),
  }
}

function parsedOr(url: string | undefined, fallback: string): URL {
  try {
    return new URL(url || fallback)
  }
  catch {
    return new URL(fallback)
  }
}

function attempt<T>(load: () => T): T | null {
  try {
    return load()
  }
  catch {
    return null
  }
}
