// Liveness and a short summary of the realtime engine.
export default defineEventHandler(() => {
  const engine = useRealtimeEngine()
  const connections = engine.apps().reduce((sum, app) => sum + (engine.appById(app.id)?.connections.size ?? 0), 0)
  return { status: 'ok', uptime_seconds: Math.round(process.uptime()), realtime: { connections } }
})
