import { describe, expect, it } from 'vitest'
import { FrameCoalescer } from '../../../../../app/utils/map/frame-coalescer'

interface Item { id: number, at: number }

function setup() {
  const frames: Array<() => void> = []
  const applied: Item[][] = []
  const coalescer = new FrameCoalescer<Item>({
    key: item => item.id,
    replaces: (current, next) => next.at >= current.at,
    apply: items => applied.push(items),
    schedule: callback => frames.push(callback),
  })
  const runFrame = () => frames.splice(0).forEach(frame => frame())
  return { coalescer, frames, applied, runFrame }
}

describe('per-frame coalescing', () => {
  it('applies everything pushed before a frame once, in that frame', () => {
    const { coalescer, frames, applied, runFrame } = setup()
    coalescer.push([{ id: 1, at: 1 }])
    coalescer.push([{ id: 2, at: 1 }])
    coalescer.push([{ id: 3, at: 1 }])
    expect(frames).toHaveLength(1)
    expect(applied).toHaveLength(0)
    runFrame()
    expect(applied).toEqual([[{ id: 1, at: 1 }, { id: 2, at: 1 }, { id: 3, at: 1 }]])
  })

  it('keeps only the newest item per key, ignoring an older one pushed later', () => {
    const { coalescer, applied, runFrame } = setup()
    coalescer.push([{ id: 1, at: 1 }, { id: 1, at: 5 }])
    coalescer.push([{ id: 1, at: 3 }])
    runFrame()
    expect(applied).toEqual([[{ id: 1, at: 5 }]])
  })

  it('schedules a new frame for items arriving after one ran, and none when idle', () => {
    const { coalescer, frames, applied, runFrame } = setup()
    coalescer.push([{ id: 1, at: 1 }])
    runFrame()
    runFrame()
    expect(applied).toHaveLength(1)
    coalescer.push([{ id: 1, at: 2 }])
    expect(frames).toHaveLength(1)
    runFrame()
    expect(applied).toEqual([[{ id: 1, at: 1 }], [{ id: 1, at: 2 }]])
    coalescer.push([])
    expect(frames).toHaveLength(0)
  })

  it('drops what is queued once disposed, even when the frame still runs', () => {
    const { coalescer, applied, runFrame } = setup()
    coalescer.push([{ id: 1, at: 1 }])
    coalescer.dispose()
    coalescer.push([{ id: 2, at: 1 }])
    runFrame()
    expect(applied).toEqual([])
  })

  it('hands over at once on flush', () => {
    const { coalescer, applied } = setup()
    coalescer.push([{ id: 1, at: 1 }])
    coalescer.flush()
    expect(applied).toEqual([[{ id: 1, at: 1 }]])
  })
})
