// Readiness and a short summary: 503 until the database is open and migrated (load balancers wait for 200).
export default defineEventHandler(async (event) => {
  const engine = useRealtimeEngine()
  const connections = engine.apps().reduce((sum, app) => sum + (engine.appById(app.id)?.connections.size ?? 0), 0)
  const database = await Promise.race([useDatabaseHandle().then(() => 'ready', () => 'failed'), new Promise(done => setTimeout(done, 50, 'starting'))])
  if (database !== 'ready') setResponseStatus(event, 503)
  // A node without Redis still serves its own sockets: degraded, not down, so it stays in the balancer.
  const cluster = engine.apps().map(app => engine.appById(app.id)?.cluster).find(Boolean)
  const clusterStatus = cluster ? { redis: cluster.healthy ? 'up' : 'down', nodes: cluster.totals.nodes, connections: cluster.clusterConnections() } : undefined
  const status = database !== 'ready' ? database : cluster && !cluster.healthy ? 'degraded' : 'ok'
  return { status, uptime_seconds: Math.round(process.uptime()), database, realtime: { connections }, ...(clusterStatus ? { cluster: clusterStatus } : {}) }
})
