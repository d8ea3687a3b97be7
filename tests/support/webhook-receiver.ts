// A webhook receiver on loopback that verifies each request with the pusher SDK's webhook(), as an application would.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'
import Pusher from 'pusher'
import type { WebhookEvent } from '../../server/realtime/webhooks/webhook-event'
import { freePort } from './free-port'
import { TEST_APP } from './server-process'

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  rawBody: string
  /** webhook().isValid() with the app's key and secret. */
  valid: boolean
  timeMs: number
  events: WebhookEvent[]
}

export interface WebhookReceiver {
  url: string
  /** Requests answered 2xx, in arrival order. */
  accepted: ReceivedWebhook[]
  /** Requests that arrived while the receiver answered an error. */
  refused: number
  /** The status answered from now on (default 200). */
  answer: (status: number) => void
  /** Stops listening (connections are refused) until `reopen`. */
  shut: () => Promise<void>
  reopen: () => Promise<void>
  close: () => Promise<void>
  /** Every accepted event, in order. */
  events: () => WebhookEvent[]
}

/** Starts a receiver on a free loopback port; `app` signs like the server under test. */
export async function startWebhookReceiver(app = TEST_APP): Promise<WebhookReceiver> {
  const sdk = new Pusher({ appId: app.id, key: app.key, secret: app.secret, host: '127.0.0.1' })
  const port = await freePort()
  let status = 200
  let server: Server | null = null
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/pusher/webhook`,
    accepted: [],
    refused: 0,
    answer: (value) => { status = value },
    shut: async () => {
      const closing = server
      server = null
      if (!closing) return
      closing.closeAllConnections()
      await new Promise(done => closing.close(done))
    },
    reopen: async () => {
      server = createServer((request, response) => {
        let rawBody = ''
        request.setEncoding('utf8')
        request.on('data', (chunk: string) => (rawBody += chunk))
        request.on('end', () => {
          if (status >= 300) {
            receiver.refused += 1
            return response.writeHead(status).end()
          }
          const webhook = sdk.webhook({ headers: request.headers as Record<string, string>, rawBody })
          const valid = webhook.isValid()
          receiver.accepted.push({ headers: request.headers, rawBody, valid, timeMs: valid ? webhook.getTime().getTime() : 0, events: valid ? webhook.getEvents() as WebhookEvent[] : [] })
          response.writeHead(200).end()
        })
      })
      const listening = server
      await new Promise<void>(done => listening.listen(port, '127.0.0.1', done))
    },
    close: () => receiver.shut(),
    events: () => receiver.accepted.flatMap(request => request.events),
  }
  await receiver.reopen()
  return receiver
}
