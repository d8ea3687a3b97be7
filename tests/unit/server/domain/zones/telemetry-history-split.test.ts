import { describe, expect, it } from 'vitest'
import { minuteStart, splitHistoryRange } from '../../../../../server/domain/zones/telemetry-history-split'

const now = new Date('2026-06-10T12:00:30.500Z')
const at = (iso: string) => new Date(iso)

describe('splitHistoryRange', () => {
  it('reads a range inside the raw window from raw rows only, unchanged', () => {
    const from = at('2026-06-05T00:00:10Z')
    expect(splitHistoryRange(from, now, now, 7)).toEqual({ rollups: null, raw: { from, to: now } })
  })

  it('reads a range wholly before the raw window from rollups, widened to the whole minutes it touches', () => {
    expect(splitHistoryRange(at('2026-05-01T00:00:10Z'), at('2026-05-02T06:30:59Z'), now, 7)).toEqual({
      rollups: { from: at('2026-05-01T00:00:00Z'), to: at('2026-05-02T06:31:00Z') },
      raw: null,
    })
  })

  it('splits a range crossing the window start at that minute: rollups before it, raw rows from it on', () => {
    const boundary = at('2026-06-03T12:00:00Z')
    expect(splitHistoryRange(at('2026-05-11T12:00:30Z'), now, now, 7)).toEqual({
      rollups: { from: at('2026-05-11T12:00:00Z'), to: boundary },
      raw: { from: boundary, to: now },
    })
  })

  it('moves the boundary with the raw window (fewer days when raw rows are kept for fewer)', () => {
    expect(splitHistoryRange(at('2026-06-05T00:00:00Z'), now, now, 3).raw!.from).toEqual(at('2026-06-07T12:00:00Z'))
  })

  it('treats a range ending exactly at the boundary as wholly before it', () => {
    const boundary = at('2026-06-03T12:00:00Z')
    expect(splitHistoryRange(at('2026-06-01T00:00:00Z'), new Date(boundary.getTime() - 1), now, 7).raw).toBeNull()
    expect(splitHistoryRange(at('2026-06-01T00:00:00Z'), boundary, now, 7).raw).toEqual({ from: boundary, to: boundary })
  })
})

describe('minuteStart', () => {
  it('floors to the UTC minute, before 1970 too', () => {
    expect(minuteStart(at('2026-06-10T12:34:56.789Z'))).toEqual(at('2026-06-10T12:34:00Z'))
    expect(minuteStart(at('2026-06-10T12:34:00Z'))).toEqual(at('2026-06-10T12:34:00Z'))
    expect(minuteStart(at('1969-12-31T23:59:30Z'))).toEqual(at('1969-12-31T23:59:00Z'))
  })
})
