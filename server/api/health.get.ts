// Readiness and a short summary: 503 until the database is open and migrated (load balancers wait for 200).
export default defineEventHandler(async (event) => {
  const engine = useRealtimeEngine()
  const connections = engine.apps().reduce((sum, app) => sum + (engine.appById(app.id)?.connections.size ?? 0), 0)
  const database = await Promise.race([useDatabaseHandle().then(() => 'ready', () => 'failed'), new Promise(done => setTimeout(done, 50, 'starting'))])
  if (database !== 'ready') setResponseStatus(event, 503)
  return { status: database === 'ready' ? 'ok' : database, uptime_seconds: Math.round(process.uptime()), database, realtime: { connections } }
})
