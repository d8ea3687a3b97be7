// The map scenario's figures from raw samples: frame times, dropped frames, `position.batch` size and rate, CPU shares.
import type { Distribution } from './percentiles'
import { distribution } from './percentiles'

/** A frame longer than this is counted as dropped (three 60 Hz frames missed, a visible stutter). */
export const DROPPED_FRAME_MS = 50
/** The goal per frame: 30 frames a second. */
export const SLOW_FRAME_MS = 33
/** One display refresh at 60 Hz: a frame interval of n of these missed n - 1 refreshes. */
export const VSYNC_MS = 1000 / 60

/** One `position.batch` message as the page received it. */
export interface BatchSample {
  /** Bytes of the WebSocket frame (the whole Pusher message). */
  bytes: number
  positions: number
}

export interface MapFigures {
  frames: Distribution
  droppedFrames: number
  /** Share of the sampled time spent in dropped frames, 0–1. */
  droppedShare: number
  /** Frames over SLOW_FRAME_MS. */
  slowFrames: number
  /** 60 Hz refreshes that showed no new frame: a long frame hides the refreshes it spans, which the percentiles of intervals undercount. */
  missedRefreshes: number
  /** Map repaints per second (each a full WebGL redraw of the map). */
  repaintsPerSecond: number
  batches: { count: number, perSecond: number, bytes: Distribution, positions: Distribution, bytesPerSecond: number, positionsPerSecond: number }
  /** CPU over the phase, % of one core: the tab's main thread (all its tasks, and of those scripts) and the server. */
  tabTaskPercent: number
  tabScriptPercent: number
  /** CPU time of the tab's renderer process (all its threads) and of its main thread alone, % of one core. */
  tabProcessPercent: number
  tabMainThreadPercent: number
  serverPercent: number
}

/** Inputs measured over one phase of `seconds`. CPU figures are seconds used during the phase. */
export interface MapSamples {
  seconds: number
  /** Time between consecutive requestAnimationFrame callbacks, ms. */
  frameIntervals: number[]
  batches: BatchSample[]
  /** Frames the map drew. */
  mapRepaints: number
  tabTaskSeconds: number
  tabScriptSeconds: number
  /** CPU seconds (not wall time) of the renderer process and of its main thread. */
  tabProcessCpuSeconds: number
  tabThreadCpuSeconds: number
  serverCpuSeconds: number
}

/** Works the figures out of one phase's samples. */
export function mapFigures(samples: MapSamples): MapFigures {
  const dropped = samples.frameIntervals.filter(ms => ms > DROPPED_FRAME_MS)
  const sampledMs = samples.frameIntervals.reduce((sum, ms) => sum + ms, 0)
  const totalBytes = samples.batches.reduce((sum, batch) => sum + batch.bytes, 0)
  const share = (cpuSeconds: number) => (cpuSeconds / samples.seconds) * 100
  return {
    frames: distribution(samples.frameIntervals),
    droppedFrames: dropped.length,
    droppedShare: sampledMs > 0 ? dropped.reduce((sum, ms) => sum + ms, 0) / sampledMs : 0,
    slowFrames: samples.frameIntervals.filter(ms => ms > SLOW_FRAME_MS).length,
    missedRefreshes: samples.frameIntervals.reduce((sum, ms) => sum + Math.max(0, Math.round(ms / VSYNC_MS) - 1), 0),
    repaintsPerSecond: samples.mapRepaints / samples.seconds,
    batches: {
      count: samples.batches.length,
      perSecond: samples.batches.length / samples.seconds,
      bytes: distribution(samples.batches.map(batch => batch.bytes)),
      positions: distribution(samples.batches.map(batch => batch.positions)),
      bytesPerSecond: totalBytes / samples.seconds,
      positionsPerSecond: samples.batches.reduce((sum, batch) => sum + batch.positions, 0) / samples.seconds,
    },
    tabTaskPercent: share(samples.tabTaskSeconds),
    tabScriptPercent: share(samples.tabScriptSeconds),
    tabProcessPercent: share(samples.tabProcessCpuSeconds),
    tabMainThreadPercent: share(samples.tabThreadCpuSeconds),
    serverPercent: share(samples.serverCpuSeconds),
  }
}

/** The size and position count of a Pusher message when it is a `position.batch`, else null. */
export function positionBatchSample(frame: string | Buffer): BatchSample | null {
  const text = typeof frame === 'string' ? frame : frame.toString('utf8')
  if (!text.includes('"position.batch"')) return null
  const message = JSON.parse(text) as { event?: string, data?: unknown }
  if (message.event !== 'position.batch') return null
  // Pusher carries an event's data as a JSON string inside the message.
  const data = (typeof message.data === 'string' ? JSON.parse(message.data) : message.data) as { positions?: unknown[] }
  return { bytes: Buffer.byteLength(text), positions: data.positions?.length ?? 0 }
}
