// Security headers on every response (pages, API, assets), and the nonce on the page's own inline scripts.
import { randomBytes } from 'node:crypto'
import { getRequestHeader, getRequestProtocol, setResponseHeaders } from 'h3'
import { securityHeaders } from '../utils/security-headers'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    const nonce = randomBytes(16).toString('base64')
    event.context.cspNonce = nonce
    setResponseHeaders(event, securityHeaders({
      nonce,
      tls: getRequestProtocol(event, { xForwardedProto: true }) === 'https',
      host: getRequestHeader(event, 'host'),
      mapStyleUrl: process.env.MAP_STYLE_URL,
      publicSocketHost: process.env.REVERB_PUBLIC_HOST,
    }))
  })

  // Only Nuxt's head and closing-body tags get the nonce (hydration payload, colour mode, entry);
  // the app's own markup never does, so a script that slipped into it stays blocked.
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const nonce = event.context.cspNonce as string | undefined
    if (!nonce) return
    const withNonce = (chunk: string) => chunk.replace(/<script\b(?![^>]*\snonce=)/gi, `<script nonce="${nonce}"`)
    html.head = html.head.map(withNonce)
    html.bodyAppend = html.bodyAppend.map(withNonce)
  })
})
