// A 127.0.0.1 port nobody listens on right now, for test servers that need a fixed port before they start.
import { createServer } from 'node:net'

/** The port the kernel picks for port 0, released again at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
