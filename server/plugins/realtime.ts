// Starts the realtime engine with the server, says which app it serves, and stops it gracefully.

export default defineNitroPlugin((nitroApp) => {
  let engine
  try {
    engine = useRealtimeEngine()
  }
  catch (error) {
    console.error(`[lookout] configuration error: ${(error as Error).message}`)
    process.exit(1)
  }
  engine.start()
  if (process.env.REDIS_URL) {
    console.log(`[lookout] cluster mode: sharing broadcasts, presence and history through Redis at ${redactedUrl(process.env.REDIS_URL)}`)
  }
  for (const app of engine.apps()) {
    const secretNote = process.env.REVERB_APP_SECRET
      ? 'secret from REVERB_APP_SECRET'
      : `secret generated into ${process.env.DATA_DIR || '.data'}/app-secret (set REVERB_APP_SECRET to share one with Laravel or other nodes)`
    console.log(`[lookout] realtime app id=${app.id} key=${app.key} ${secretNote}; WebSocket path /app/${app.key}`)
  }
  // Registered before Nitro's own graceful shutdown, which destroys sockets before its `close`
  // hook runs: clients must get 4200 ("reconnect now") rather than a bare dropped connection.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => { void engine.shutdown() })
  nitroApp.hooks.hook('close', () => engine.shutdown())
})

/** The Redis URL without its password, for the log. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  }
  catch {
    return '(unparseable REDIS_URL)'
  }
}
