// Origin checks for the WebSocket upgrade, matching hostnames the way Reverb's allowed_origins do.

/** True when a page from `origin` may open a socket; requests without an Origin (SDKs, devices) pass. */
export function isOriginAllowed(allowed: string[], origin: string | null | undefined): boolean {
  if (!origin || allowed.includes('*')) return true
  let host: string
  try {
    host = new URL(origin).hostname
  }
  catch {
    return false
  }
  return allowed.some((pattern) => {
    const wanted = pattern.includes('://') ? safeHostname(pattern) : pattern.split(':')[0]
    if (!wanted) return false
    if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1))
    return host === wanted
  })
}

function safeHostname(url: string): string | undefined {
  try {
    return new URL(url).hostname
  }
  catch {
    return undefined
  }
}
