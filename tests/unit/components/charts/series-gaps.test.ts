import { describe, expect, it } from 'vitest'
import { GAP_FACTOR, typicalInterval, withGaps } from '../../../../components/charts/series-gaps'
import { chartDatasets } from '../../../../components/charts/time-series'

const every = (ms: number, xs: number[]) => xs.map(n => ({ x: n * ms, y: n }))

describe('gaps in chart series', () => {
  it('takes the median spacing of neighbouring samples as the usual interval, none under three points', () => {
    expect(typicalInterval(every(5000, [0, 1, 2, 3, 40]))).toBe(5000)
    expect(typicalInterval(every(5000, [0, 1]))).toBeNull()
  })

  it('breaks the line with a null point in the middle of a silence longer than a few usual intervals', () => {
    const points = every(5000, [0, 1, 2, 3, 20, 21, 22])
    const drawn = withGaps(points)
    expect(drawn.filter(point => point.y === null)).toEqual([{ x: (3 + 20) * 5000 / 2, y: null }])
    expect(drawn.filter(point => point.y !== null)).toEqual(points)
  })

  it('keeps a line whole when samples arrive at their usual pace, jitter and a late one included', () => {
    const points = [0, 5000, 10_400, 15_000, 20_000 + 5000 * (GAP_FACTOR - 1)].map((x, n) => ({ x, y: n }))
    expect(withGaps(points)).toEqual(points)
  })

  it('uses a given expected interval over the series\' own, so two lone bursts still show their gap', () => {
    expect(withGaps(every(1000, [0, 1, 60]), 1000).map(point => point.y)).toEqual([0, 1, null, 60])
    expect(withGaps(every(1000, [0, 1, 60]))).toEqual(every(1000, [0, 1, 60]))
  })

  it('hands chart.js the gaps with spanGaps off, so it draws them as breaks', () => {
    const [line] = chartDatasets([{ label: 'pH', color: 'red', points: every(5000, [0, 1, 2, 30, 31]) }], [], { min: 0, max: 160_000 })
    expect(line!.spanGaps).toBe(false)
    expect(line!.data.some(point => point.y === null)).toBe(true)
  })
})
