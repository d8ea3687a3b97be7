// Scenario 4: scenario 1 over two server nodes sharing a fresh redis-server; subscribers split over both, events published to the first.
import type { BenchServer } from '../bench-server'
import { startBenchServer } from '../bench-server'
import type { BenchOptions } from '../options'
import { startRedis } from '../../tests/support/redis-process'
import type { SummaryRow } from '../summary-table'
import { fanoutPhases } from './fanout-phases'

export async function cluster(options: BenchOptions): Promise<SummaryRow[]> {
  const redis = await startRedis()
  const servers: BenchServer[] = []
  try {
    for (let i = 0; i < 2; i++) servers.push(await startBenchServer({ REDIS_URL: redis.url }))
    console.log(`scenario 4: fan-out over two nodes (server pids ${servers.map(server => server.process.pid).join(', ')}; `
      + `redis-server pid ${redis.pid} at ${redis.url})`)
    return await fanoutPhases('4', servers, options, redis.pid)
  }
  finally {
    await Promise.all(servers.map(server => server.stop()))
    await redis.dispose()
  }
}
