// The demo accounts' password: published only while nobody else can reach the server.
import { randomBytes } from 'node:crypto'
import { listensOnLoopbackOnly } from '../auth/listen-exposure'
import { storedSecret } from '../auth/stored-secret'

/** The README's demo password: fine on loopback, where only this machine's users can try it. */
export const PUBLISHED_DEMO_PASSWORD = 'lookout-demo'

export interface DemoPassword {
  value: string
  /** `configured`: DEMO_PASSWORD; `published`: the README's, on loopback; `generated`: kept in DATA_DIR/demo-password. */
  source: 'configured' | 'published' | 'generated'
  /** Generated on this start: the only time it is printed. */
  fresh: boolean
}

/** DEMO_PASSWORD, else the published password on loopback, else one generated once into the data folder. */
export function demoPassword(env: Record<string, string | undefined> = process.env): DemoPassword {
  if (env.DEMO_PASSWORD) return { value: env.DEMO_PASSWORD, source: 'configured', fresh: false }
  if (listensOnLoopbackOnly(env.HOST || env.NITRO_HOST)) return { value: PUBLISHED_DEMO_PASSWORD, source: 'published', fresh: false }
  const stored = storedSecret('demo-password', () => randomBytes(12).toString('base64url'))
  return { value: stored.value, source: 'generated', fresh: stored.fresh }
}
