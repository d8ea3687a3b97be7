// Origin checks for the WebSocket upgrade, matching hostnames the way Reverb's allowed_origins do.

/**
 * True when a page from `origin` may open a socket. Clients without an Origin (SDKs, devices)
 * pass. With no allowed origins configured only the server's own host (`host`) is allowed.
 */
export function isOriginAllowed(allowed: string[], origin: string | null | undefined, host?: string | null): boolean {
  if (!origin || allowed.includes('*')) return true
  const originHost = safeHostname(origin)
  if (!originHost) return false
  if (allowed.length === 0) return !!host && originHost === host.toLowerCase().replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
  return allowed.some((pattern) => {
    const wanted = pattern.includes('://') ? safeHostname(pattern) : pattern.split(':')[0]
    if (!wanted) return false
    if (wanted.startsWith('*.')) return originHost.endsWith(wanted.slice(1))
    return originHost === wanted
  })
}

function safeHostname(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '')
  }
  catch {
    return undefined
  }
}
