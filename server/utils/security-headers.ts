// The security headers of every response, and the Content-Security-Policy the pages work under.

export interface SecurityHeaderOptions {
  /** Per-response nonce that lets Nuxt's own inline scripts (hydration payload, colour mode) run. */
  nonce: string
  /** The request came over TLS (directly or per X-Forwarded-Proto): HSTS is sent. */
  tls: boolean
  /** Host header of the request, for the page's own ws:/wss: origin (browsers differ on whether 'self' covers it). */
  host?: string | null
  /** MAP_STYLE_URL: its origin serves the style, tiles, glyphs and sprites the map fetches. */
  mapStyleUrl?: string
  /** REVERB_PUBLIC_HOST: the socket's host when a proxy moves it off the page's origin. */
  publicSocketHost?: string
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

// Features the pages do not use are switched off for them and anything they might embed.
const PERMISSIONS_POLICY = ['accelerometer', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'usb']
  .map(feature => `${feature}=()`).join(', ')

/** The headers for one response; values from the request are used only when they are plain hosts. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
  }
  // Browsers ignore HSTS over plain HTTP, and a LAN install without TLS must never be pinned to it.
  if (options.tls) headers['strict-transport-security'] = 'max-age=31536000'
  return headers
}

function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  // REVERB_PUBLIC_PORT may change the port, so any port of the public host is allowed.
  const publicHost = options.publicSocketHost && HOST.test(options.publicSocketHost) ? `${options.publicSocketHost.replace(/:\d+$/, '')}:*` : undefined
  const sockets = [options.host && HOST.test(options.host) ? options.host : undefined, publicHost]
    .filter((host): host is string => !!host)
    .flatMap(host => [`ws://${host}`, `wss://${host}`])
  const map = originOf(options.mapStyleUrl)
  return [
    `default-src 'self'`,
    // Scripts come from the build ('self'); inline ones only with this response's nonce.
    `script-src 'self' 'nonce-${options.nonce}'`,
    // Nuxt UI writes its colour variables in a <style> tag and components bind style attributes.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:${map ? ` ${map}` : ''}`,
    `font-src 'self' data:`,
    `connect-src 'self' ${[...sockets, map].filter(Boolean).join(' ')}`.trimEnd(),
    // MapLibre's worker comes from the build; blob: covers builds that inline it.
    `worker-src 'self' blob:`,
    `child-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined
  }
  catch {
    return undefined
  }
}
