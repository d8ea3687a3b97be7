// What every webhook queue must do (database and Redis alike), as one set of tests run against each.
import { beforeEach, expect, it } from 'vitest'
import type { WebhookQueue } from '../../server/realtime/webhooks/webhook-queue'

/** Registers the contract's tests; `queue()` gives the queue under test, `clear()` empties it before each test. */
export function webhookQueueContract(queue: () => WebhookQueue, clear: () => Promise<void>): void {
  beforeEach(clear)

  it('hands out due deliveries in the order they were queued, with their exact bodies', async () => {
    await queue().enqueue([{ url: 'http://a/hook', body: '{"n":1}' }, { url: 'http://b/hook', body: '{"n":2}' }], 1_000)
    await queue().enqueue([{ url: 'http://a/hook', body: '{"n":3}' }], 2_000)
    const due = await queue().claim(3_000, 10, 30_000)
    expect(due.map(delivery => [delivery.url, delivery.body, delivery.attempts, delivery.createdAt])).toEqual([
      ['http://a/hook', '{"n":1}', 0, 1_000],
      ['http://b/hook', '{"n":2}', 0, 1_000],
      ['http://a/hook', '{"n":3}', 0, 2_000],
    ])
  })

  it('does not hand out a delivery that is not due yet', async () => {
    await queue().enqueue([{ url: 'http://a/hook', body: '{}' }], 5_000)
    expect(await queue().claim(4_999, 10, 30_000)).toHaveLength(0)
  })

  it('does not hand out a leased delivery again until its lease ends', async () => {
    await queue().enqueue([{ url: 'http://a/hook', body: '{}' }], 1_000)
    expect(await queue().claim(1_000, 10, 5_000)).toHaveLength(1)
    expect(await queue().claim(5_999, 10, 5_000)).toHaveLength(0)
    expect(await queue().claim(6_000, 10, 5_000)).toHaveLength(1)
  })

  it('keeps a retried delivery back until its next attempt, counting attempts', async () => {
    await queue().enqueue([{ url: 'http://a/hook', body: '{}' }], 1_000)
    const [delivery] = await queue().claim(1_000, 10, 30_000)
    await queue().retryAt(delivery!.id, 1, 3_000)
    expect(await queue().claim(2_999, 10, 30_000)).toHaveLength(0)
    expect((await queue().claim(3_000, 10, 30_000)).map(item => item.attempts)).toEqual([1])
  })

  it('forgets a removed delivery and counts what waits', async () => {
    await queue().enqueue([{ url: 'http://a/hook', body: '1' }, { url: 'http://a/hook', body: '2' }], 1_000)
    expect(await queue().length()).toBe(2)
    const [first] = await queue().claim(1_000, 1, 30_000)
    await queue().remove(first!.id)
    expect(await queue().length()).toBe(1)
    expect((await queue().claim(100_000, 10, 30_000)).map(item => item.body)).toEqual(['2'])
  })
}
