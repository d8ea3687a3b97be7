// The generic group commit: items arriving together share one commit, split by weight, key and lane; the bound
// makes senders wait or refuses droppable items; a refused batch is retried item by item when the error allows.
import { describe, expect, it } from 'vitest'
import type { GroupCommitOptions } from '../../../../server/ingest/group-commit'
import { GroupCommit } from '../../../../server/ingest/group-commit'

interface Item { id: number, weight?: number, key?: string, lane?: number, bad?: boolean }

class Refused extends Error {}

/** A group commit over `Item`s that records every batch it was asked to store and answers `id * 10` per item. */
function recording(options: Partial<GroupCommitOptions<Item, number>> = {}) {
  const batches: number[][] = []
  const commits = new GroupCommit<Item, number>({
    capacity: 100,
    maxBatch: 10,
    weight: item => item.weight ?? 1,
    key: item => item.key,
    lane: item => item.lane ?? 0,
    commit: async (items) => {
      batches.push(items.map(item => item.id))
      if (items.some(item => item.bad)) throw new Refused('bad item')
      return items.map(item => item.id * 10)
    },
    retryAlone: error => error instanceof Refused,
    ...options,
  })
  return { commits, batches }
}

const settled = (promises: Array<Promise<number>>) => Promise.all(promises.map(promise => promise.then(value => value, (error: Error) => error.message)))

describe('GroupCommit', () => {
  it('stores items submitted in one turn in one commit and resolves each with its own result', async () => {
    const { commits, batches } = recording()
    expect(await Promise.all([1, 2, 3].map(id => commits.submit({ id })))).toEqual([10, 20, 30])
    expect(batches).toEqual([[1, 2, 3]])
  })

  it('closes a batch before the weight passes maxBatch, and stores an item heavier than maxBatch alone', async () => {
    const { commits, batches } = recording()
    await Promise.all([{ id: 1, weight: 4 }, { id: 2, weight: 5 }, { id: 3, weight: 2 }, { id: 4, weight: 30 }, { id: 5 }].map(item => commits.submit(item)))
    expect(batches).toEqual([[1, 2], [3], [4], [5]])
  })

  it('puts a second item of one key into the next batch', async () => {
    const { commits, batches } = recording()
    await Promise.all([{ id: 1, key: 'a' }, { id: 2, key: 'b' }, { id: 3, key: 'a' }, { id: 4 }].map(item => commits.submit(item)))
    expect(batches).toEqual([[1, 2], [3, 4]])
  })

  it('never mixes lanes in one batch', async () => {
    const { commits, batches } = recording()
    await Promise.all([{ id: 1, lane: 1 }, { id: 2, lane: 2 }, { id: 3, lane: 1 }].map(item => commits.submit(item)))
    expect(batches.sort()).toEqual([[1, 3], [2]])
  })

  it('makes submitters past the capacity wait, refuses offers while full, and stores everything admitted', async () => {
    const { commits, batches } = recording({ capacity: 2 })
    const submitted = [1, 2, 3].map(id => commits.submit({ id }))
    expect([commits.load, commits.full]).toEqual([{ weight: 2, waiting: 1 }, true])
    expect(commits.offer({ id: 4 })).toBeNull()
    expect(await Promise.all(submitted)).toEqual([10, 20, 30])
    expect(batches).toEqual([[1, 2], [3]])
    expect([commits.load, commits.full]).toEqual([{ weight: 0, waiting: 0 }, false])
    expect(await commits.offer({ id: 5 })).toBe(50)
  })

  it('retries a refused batch item by item so only the bad item is rejected', async () => {
    const { commits, batches } = recording()
    expect(await settled([{ id: 1 }, { id: 2, bad: true }, { id: 3 }].map(item => commits.submit(item)))).toEqual([10, 'bad item', 30])
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]])
  })

  it('rejects every item of a batch refused with an error not meant for retrying, and a refused batch of one at once', async () => {
    const { commits, batches } = recording({ retryAlone: () => false })
    expect(await settled([{ id: 1 }, { id: 2, bad: true }].map(item => commits.submit(item)))).toEqual(['bad item', 'bad item'])
    expect(batches).toEqual([[1, 2]])
    const single = recording()
    expect(await settled([single.commits.submit({ id: 7, bad: true })])).toEqual(['bad item'])
    expect(single.batches).toEqual([[7]])
  })

  it('hands every item of a refused batch, even a batch of one, to `alone` when given', async () => {
    const { commits, batches } = recording({ alone: async item => item.bad ? -1 : item.id })
    expect(await Promise.all([commits.submit({ id: 8, bad: true })])).toEqual([-1])
    expect(await Promise.all([{ id: 1 }, { id: 2, bad: true }].map(item => commits.submit(item)))).toEqual([1, -1])
    expect(batches).toEqual([[8], [1, 2]])
  })

  it('keeps committing batches of items that arrive while one is being stored', async () => {
    const { commits, batches } = recording({ maxBatch: 2 })
    const first = commits.submit({ id: 1 })
    await first
    const later = await Promise.all([2, 3, 4].map(id => commits.submit({ id })))
    expect(later).toEqual([20, 30, 40])
    expect(batches).toEqual([[1], [2, 3], [4]])
  })
})
