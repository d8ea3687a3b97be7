// The map scenario's arithmetic: frame percentiles, dropped frames, batch size and rate, CPU shares.
import { describe, expect, it } from 'vitest'
import { mapFigures, positionBatchSample } from '../../../bench/map-figures'
import { distribution, percentile } from '../../../bench/percentiles'

describe('percentile', () => {
  it('takes the nearest rank of sorted samples', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1)
    expect(percentile(sorted, 50)).toBe(50)
    expect(percentile(sorted, 95)).toBe(95)
    expect(percentile(sorted, 99)).toBe(99)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('sorts a copy of unsorted samples for the distribution', () => {
    const samples = [40, 10, 30, 20]
    expect(distribution(samples)).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40, mean: 25 })
    expect(samples).toEqual([40, 10, 30, 20])
  })
})

describe('mapFigures', () => {
  const frames = [...Array.from({ length: 97 }, () => 16), 60, 80, 100]
  const figures = mapFigures({
    seconds: 10,
    frameIntervals: frames,
    batches: [{ bytes: 1000, positions: 10 }, { bytes: 3000, positions: 30 }],
    mapRepaints: 15,
    tabTaskSeconds: 2.5,
    tabScriptSeconds: 1,
    tabProcessCpuSeconds: 4,
    tabThreadCpuSeconds: 0.5,
    serverCpuSeconds: 5,
  })

  it('gives the frame time percentiles and counts frames over 50 ms as dropped', () => {
    expect(figures.frames.p50).toBe(16)
    expect(figures.frames.p95).toBe(16)
    expect(figures.frames.p99).toBe(80)
    expect(figures.droppedFrames).toBe(3)
    expect(figures.droppedShare).toBeCloseTo(240 / (97 * 16 + 240))
  })

  it('counts frames over 33 ms and the 60 Hz refreshes the long frames hid', () => {
    expect(figures.slowFrames).toBe(3)
    // 16 ms rounds to one refresh (none missed); 60, 80 and 100 ms span 4, 5 and 6 refreshes.
    expect(figures.missedRefreshes).toBe(3 + 4 + 5)
  })

  it('gives the map repaints per second', () => {
    expect(figures.repaintsPerSecond).toBeCloseTo(1.5)
  })

  it('gives the batches per second, their sizes, and the bytes and positions per second', () => {
    expect(figures.batches.count).toBe(2)
    expect(figures.batches.perSecond).toBeCloseTo(0.2)
    expect(figures.batches.bytes.max).toBe(3000)
    expect(figures.batches.positions.mean).toBe(20)
    expect(figures.batches.bytesPerSecond).toBe(400)
    expect(figures.batches.positionsPerSecond).toBe(4)
  })

  it('gives CPU as a percentage of one core over the phase', () => {
    expect(figures.tabTaskPercent).toBeCloseTo(25)
    expect(figures.tabScriptPercent).toBeCloseTo(10)
    expect(figures.serverPercent).toBeCloseTo(50)
    expect(figures.tabProcessPercent).toBeCloseTo(40)
    expect(figures.tabMainThreadPercent).toBeCloseTo(5)
  })

  it('counts no dropped frames and no batches when there were none', () => {
    const empty = mapFigures({ seconds: 1, frameIntervals: [], batches: [], mapRepaints: 0, tabTaskSeconds: 0, tabScriptSeconds: 0, tabProcessCpuSeconds: 0, tabThreadCpuSeconds: 0, serverCpuSeconds: 0 })
    expect(empty.droppedFrames).toBe(0)
    expect(empty.droppedShare).toBe(0)
    expect(empty.slowFrames).toBe(0)
    expect(empty.missedRefreshes).toBe(0)
    expect(empty.batches.perSecond).toBe(0)
  })
})

describe('positionBatchSample', () => {
  it('measures a position.batch message: its bytes and the positions inside its string data', () => {
    const message = JSON.stringify({ event: 'position.batch', channel: 'private-tenant.1.fleet', data: JSON.stringify({ positions: [{ vehicleId: 1 }, { vehicleId: 2 }] }) })
    expect(positionBatchSample(message)).toEqual({ bytes: Buffer.byteLength(message), positions: 2 })
    expect(positionBatchSample(Buffer.from(message))).toEqual({ bytes: Buffer.byteLength(message), positions: 2 })
  })

  it('ignores every other message, also one that only mentions position.batch', () => {
    expect(positionBatchSample(JSON.stringify({ event: 'pusher:pong', data: {} }))).toBeNull()
    expect(positionBatchSample(JSON.stringify({ event: 'alert.raised', data: JSON.stringify({ note: '"position.batch"' }) }))).toBeNull()
  })
})
