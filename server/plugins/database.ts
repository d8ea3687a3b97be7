// Opens and migrates the database at start-up, writes the demo data into an empty one, prints the logins.
import { demoLoginLines } from '../db/demo-data'
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
    if (process.env.DEMO_DATA !== 'off') console.log(`[lookout] demo logins:\n  ${demoLoginLines().join('\n  ')}`)
  }, (error: Error) => {
    console.error(`[lookout] database error: ${error.message}`)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', async () => {
    await (await useDatabaseHandle()).close()
  })
})
