import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoPassword, PUBLISHED_DEMO_PASSWORD } from '../../../../server/db/demo-password'

let folder: string
const previous = process.env.DATA_DIR

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lookout-demo-password-'))
  process.env.DATA_DIR = folder
})
afterEach(() => {
  process.env.DATA_DIR = previous
  rmSync(folder, { recursive: true, force: true })
})

describe('demoPassword', () => {
  it('is DEMO_PASSWORD when set, wherever the server listens', () => {
    expect(demoPassword({ DEMO_PASSWORD: 'chosen', HOST: '0.0.0.0' })).toEqual({ value: 'chosen', source: 'configured', fresh: false })
  })

  it('is the published password while the server listens on loopback only', () => {
    expect(demoPassword({ HOST: '127.0.0.1' })).toMatchObject({ value: PUBLISHED_DEMO_PASSWORD, source: 'published' })
  })

  it('is generated once into DATA_DIR/demo-password (owner-only) when the server listens beyond loopback, then reused', () => {
    const first = demoPassword({ HOST: '0.0.0.0' })
    expect(first).toMatchObject({ source: 'generated', fresh: true })
    expect(first.value).not.toBe(PUBLISHED_DEMO_PASSWORD)
    expect(first.value.length).toBeGreaterThanOrEqual(16)
    expect(readFileSync(join(folder, 'demo-password'), 'utf8')).toBe(first.value)
    expect(statSync(join(folder, 'demo-password')).mode & 0o077).toBe(0)
    expect(demoPassword({})).toEqual({ value: first.value, source: 'generated', fresh: false })
  })
})
