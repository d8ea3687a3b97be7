import { describe, expect, it } from 'vitest'
import { LiveSnapshot } from '../../../../../app/utils/realtime/live-snapshot'
import { deferred } from '../../../../support/deferred'

/** A list keyed by id, as most stores keep: live items replace known ones, new ones go first. */
function listStore(whileLoading?: 'show' | 'hold') {
  let shown: Array<{ id: number, v: number }> = []
  const failures: unknown[] = []
  const snapshot = new LiveSnapshot<{ id: number, v: number }>({
    apply: (item) => {
      shown = shown.some(known => known.id === item.id) ? shown.map(known => (known.id === item.id ? item : known)) : [item, ...shown]
    },
    whileLoading,
  })
  const load = (answer: Promise<Array<{ id: number, v: number }>>) => snapshot.load(() => answer, (items) => {
    shown = items
  }, failure => failures.push(failure))
  return { snapshot, load, shown: () => shown, failures }
}

describe('LiveSnapshot loading', () => {
  it('applies a live change that arrived during the load over the older snapshot', async () => {
    const store = listStore()
    const answer = deferred<Array<{ id: number, v: number }>>()
    const loading = store.load(answer.promise)
    store.snapshot.receive({ id: 1, v: 2 })
    expect(store.shown()).toEqual([{ id: 1, v: 2 }])
    answer.resolve([{ id: 1, v: 1 }, { id: 2, v: 1 }])
    await loading
    expect(store.shown()).toEqual([{ id: 1, v: 2 }, { id: 2, v: 1 }])
    expect(store.snapshot.loading).toBe(false)
  })

  it('in hold mode keeps changes off screen until the snapshot is in place', async () => {
    const store = listStore('hold')
    const answer = deferred<Array<{ id: number, v: number }>>()
    const loading = store.load(answer.promise)
    store.snapshot.receive({ id: 3, v: 1 })
    expect(store.shown()).toEqual([])
    answer.resolve([{ id: 1, v: 1 }])
    await loading
    expect(store.shown()).toEqual([{ id: 3, v: 1 }, { id: 1, v: 1 }])
  })

  it('applies changes at once when no load is in flight', () => {
    const store = listStore('hold')
    store.snapshot.receive({ id: 1, v: 1 })
    expect(store.shown()).toEqual([{ id: 1, v: 1 }])
  })

  it('shows only the newest of overlapping loads, with everything kept since the first began', async () => {
    const store = listStore('hold')
    const first = deferred<Array<{ id: number, v: number }>>()
    const second = deferred<Array<{ id: number, v: number }>>()
    const loadingFirst = store.load(first.promise)
    store.snapshot.receive({ id: 5, v: 1 })
    const loadingSecond = store.load(second.promise)
    second.resolve([{ id: 2, v: 2 }])
    await loadingSecond
    first.resolve([{ id: 1, v: 1 }])
    await loadingFirst
    expect(store.shown()).toEqual([{ id: 5, v: 1 }, { id: 2, v: 2 }])
  })

  it('reports a failure of the newest load only, and still applies what arrived', async () => {
    const store = listStore('hold')
    const stale = deferred<Array<{ id: number, v: number }>>()
    const loadingStale = store.load(stale.promise)
    const failing = store.load(Promise.reject(new Error('down')))
    store.snapshot.receive({ id: 1, v: 1 })
    await failing
    stale.reject(new Error('old'))
    await loadingStale
    expect(store.failures).toEqual([new Error('down')])
    expect(store.shown()).toEqual([{ id: 1, v: 1 }])
  })

  it('after forget drops what was kept and ignores the answer of the load in flight', async () => {
    const store = listStore('hold')
    const old = deferred<Array<{ id: number, v: number }>>()
    const loadingOld = store.load(old.promise)
    store.snapshot.receive({ id: 9, v: 1 })
    store.snapshot.forget()
    expect(store.snapshot.loading).toBe(false)
    old.resolve([{ id: 8, v: 1 }])
    await loadingOld
    expect(store.shown()).toEqual([])
  })
})

describe('LiveSnapshot replay', () => {
  it('hands what arrived to `replay` in one call, in arrival order', async () => {
    const replays: number[][] = []
    const snapshot = new LiveSnapshot<number>({ apply: () => {}, replay: changes => replays.push(changes), whileLoading: 'hold' })
    const answer = deferred<null>()
    const loading = snapshot.load(() => answer.promise, () => {})
    snapshot.receive(2)
    snapshot.receive(1)
    answer.resolve(null)
    await loading
    expect(replays).toEqual([[2, 1]])
  })

  it('does not call `replay` when nothing arrived', async () => {
    const replays: number[][] = []
    const snapshot = new LiveSnapshot<number>({ apply: () => {}, replay: changes => replays.push(changes) })
    await snapshot.load(() => Promise.resolve(null), () => {})
    expect(replays).toEqual([])
  })

  it('holds the rest of a replay for a load that a replayed change starts', async () => {
    const applied: number[] = []
    const next = deferred<null>()
    let reloading: Promise<void> | null = null
    const snapshot: LiveSnapshot<number> = new LiveSnapshot<number>({
      apply: (change) => {
        applied.push(change)
        if (change === 1) reloading = snapshot.load(() => next.promise, () => applied.push(0))
      },
      whileLoading: 'hold',
    })
    const first = deferred<null>()
    const loading = snapshot.load(() => first.promise, () => {})
    snapshot.receive(1)
    snapshot.receive(2)
    first.resolve(null)
    await loading
    expect(applied).toEqual([1])
    next.resolve(null)
    await reloading
    expect(applied).toEqual([1, 0, 2])
  })
})
