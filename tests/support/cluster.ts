// Helpers for cluster tests: nodes sharing one Redis, their health and metrics, and a client's raw messages.
import type PusherJs from 'pusher-js'
import type { RedisProcess } from './redis-process'
import type { ServerProcess } from './server-process'
import { startServer } from './server-process'

export interface Health {
  status: string
  cluster?: { redis: 'up' | 'down', nodes: number, connections: number }
}

/** A message as pusher-js hands it to `connection.bind('message')`: data already parsed. */
export interface Message {
  event: string
  channel?: string
  data: unknown
  user_id?: string
}

/** Starts `count` nodes (each with its own embedded database) in one cluster; resolves once each sees them all. */
export async function startCluster(redis: RedisProcess, count: number, env: Record<string, string> = {}): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer({ REDIS_URL: redis.url, ...env })))
  const nodes = started.flatMap(result => (result.status === 'fulfilled' ? [result.value] : []))
  const failure = started.find(result => result.status === 'rejected')
  if (failure) {
    await Promise.all(nodes.map(node => node.stop()))
    throw failure.reason
  }
  for (const node of nodes) {
    await until(async () => {
      const cluster = (await health(node)).cluster
      return cluster?.redis === 'up' && cluster.nodes === count
    }, 10_000, `node ${node.port} to see ${count} nodes`)
  }
  return nodes
}

/** `GET /api/health` of a node. */
export async function health(node: ServerProcess): Promise<Health> {
  return await (await fetch(`${node.url}/api/health`)).json() as Health
}

/** A gauge or counter of a node's `/metrics`, or undefined when the line is missing. */
export async function metric(node: ServerProcess, name: string): Promise<number | undefined> {
  const text = await (await fetch(`${node.url}/metrics`)).text()
  const line = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)
  return line ? Number(line[1]) : undefined
}

/** Resolves when the async `predicate` holds, polling every 100 ms for at most `timeoutMs`. */
export async function until(predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await predicate().catch(() => false)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise(done => setTimeout(done, 100))
  }
}

/** Every message a pusher-js client receives from now on, in arrival order. */
export function tap(client: PusherJs): Message[] {
  const messages: Message[] = []
  client.connection.bind('message', (message: Message) => messages.push(message))
  return messages
}

/** The data of the messages of one event on one channel. */
export function dataOf<T>(messages: Message[], channel: string, event: string): T[] {
  return messages.filter(message => message.channel === channel && message.event === event).map(message => message.data as T)
}

/** The `__lookout` position of each subscription confirmation of a channel. */
export function positionsOf(messages: Message[], channel: string): Array<{ epoch: string, offset: number }> {
  return dataOf<{ __lookout: { epoch: string, offset: number } }>(messages, channel, 'pusher_internal:subscription_succeeded').map(data => data.__lookout)
}

export const sleep = (ms: number) => new Promise(done => setTimeout(done, ms))
