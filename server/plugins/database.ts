// Opens and migrates the database at start-up, writes the demo data into an empty one, prints the logins
// and where other devices can reach the server.
import { demoLoginLines } from '../db/demo-data'
import { networkInterfaces } from 'node:os'
import { lanAddresses, listensOnLoopbackOnly } from '../auth/listen-exposure'
import { sessionSecret } from '../auth/session'

export default defineNitroPlugin((nitroApp) => {
  try {
    sessionSecret()
  }
  catch (error) {
    console.error(`[lookout] configuration error: ${(error as Error).message}`)
    process.exit(1)
  }
  useDatabaseHandle().then((handle) => {
    console.log(`[lookout] database: ${handle.kind === 'embedded' ? `embedded (PGlite) in ${process.env.DATA_DIR || '.data'}/db` : 'PostgreSQL (DATABASE_URL)'}`)
    if (process.env.DEMO_DATA !== 'off') console.log(`[lookout] demo logins:\n  ${demoLoginLines(useDemoPassword(), process.env.DATA_DIR || '.data').join('\n  ')}`)
    announceReach(process.env)
  }, (error: Error) => {
    console.error(`[lookout] database error: ${error.message}`)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', async () => {
    await (await useDatabaseHandle()).close()
  })
})

/** Prints the addresses phones on the LAN can use, and a warning when demo accounts are reachable beyond loopback. */
function announceReach(env: Record<string, string | undefined>): void {
  const host = env.HOST || env.NITRO_HOST
  if (listensOnLoopbackOnly(host)) return
  const port = env.PORT || env.NITRO_PORT || '3000'
  const addresses = host && host !== '0.0.0.0' && host !== '::' ? [`http://${host.includes(':') ? `[${host}]` : host}:${port}`] : lanAddresses(networkInterfaces(), port)
  console.log(`[lookout] on the LAN: ${addresses.length > 0 ? addresses.join('  ') : '(no network interface found)'}`)
  if (env.DEMO_DATA !== 'off') console.warn('[lookout] warning: demo accounts are on and the server listens beyond loopback; set DEMO_DATA=off (or HOST=127.0.0.1) on a shared network')
}
