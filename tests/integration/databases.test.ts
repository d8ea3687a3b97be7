// The same server on PostgreSQL (DATABASE_URL) and on the embedded database: data survives a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { freshPostgres } from '../support/postgres-database'
import { startServer } from '../support/server-process'

async function storeAndRestart(env: Record<string, string>): Promise<{ log: string, value: number | undefined }> {
  const first = await startServer(env)
  const admin = await login(first, demoEmail('admin', 'northwind'))
  const token = await createToken(admin, ['ingest'])
  const node = await firstZonedNode(admin)
  expect((await ingest(first.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'durable', value: 42 }] })).status).toBe(201)
  const log = first.output()
  await first.stop()
  const second = await startServer(env)
  const again = await login(second, demoEmail('admin', 'northwind'))
  const snapshot = await (await again.fetch(`/api/zones/${node.zoneId}/snapshot`)).json() as { data: { nodes: Array<{ uid: string, latest: Record<string, { value: number }> }> } }
  await second.stop()
  const value = snapshot.data.nodes.find(candidate => candidate.uid === node.uid)?.latest.durable?.value
  return { log: log + second.output(), value }
}

describe('databases', () => {
  it('runs on PostgreSQL with DATABASE_URL, migrates, seeds once and keeps data across a restart', async () => {
    const { log, value } = await storeAndRestart({ DATABASE_URL: await freshPostgres(), SESSION_SECRET: 'x'.repeat(40) })
    expect(log).toContain('database: PostgreSQL')
    expect(log.match(/demo data written/g)).toHaveLength(1)
    expect(value).toBe(42)
  }, 90_000)

  it('keeps data in the embedded database\'s folder across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lookout-persist-'))
    try {
      const { log, value } = await storeAndRestart({ DATA_DIR: dataDir })
      expect(log).toContain('database: embedded')
      expect(log.match(/demo data written/g)).toHaveLength(1)
      expect(value).toBe(42)
    }
    finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 90_000)
})
