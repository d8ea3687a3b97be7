// A node's copy of the cluster's newest offsets: only grows within an epoch, starts over on a new epoch.
import { describe, expect, it } from 'vitest'
import { ClusterPositions } from '../../../../../server/realtime/cluster/cluster-positions'

describe('ClusterPositions', () => {
  it('tells offset 0 of a channel nothing was published on', () => {
    const positions = new ClusterPositions()
    positions.useEpoch('e1')
    expect(positions.position('news')).toEqual({ epoch: 'e1', offset: 0 })
  })

  it('keeps the highest offset seen per channel, whatever order they arrive in', () => {
    const positions = new ClusterPositions()
    positions.useEpoch('e1')
    positions.observe('news', 3)
    positions.observe('news', 5)
    positions.observe('news', 4)
    positions.observe('sport', 1)
    expect(positions.position('news')).toEqual({ epoch: 'e1', offset: 5 })
    expect(positions.position('sport')).toEqual({ epoch: 'e1', offset: 1 })
  })

  it('forgets every offset when the epoch changes (a Redis that lost its data starts again at 1)', () => {
    const positions = new ClusterPositions()
    positions.useEpoch('e1')
    positions.observe('news', 9)
    expect(positions.useEpoch('e2')).toBe(true)
    expect(positions.position('news')).toEqual({ epoch: 'e2', offset: 0 })
    positions.observe('news', 1)
    expect(positions.position('news').offset).toBe(1)
  })

  it('keeps its offsets when told the epoch it already has (a reconnect to the same Redis)', () => {
    const positions = new ClusterPositions()
    positions.useEpoch('e1')
    positions.observe('news', 9)
    expect(positions.useEpoch('e1')).toBe(false)
    expect(positions.position('news')).toEqual({ epoch: 'e1', offset: 9 })
  })
})
