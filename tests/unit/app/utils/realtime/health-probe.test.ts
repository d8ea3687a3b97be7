import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HealthProbe, PROBE_EVERY_MS } from '../../../../../app/utils/realtime/health-probe'

describe('HealthProbe', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('calls back at the first healthy answer after the server was seen down', async () => {
    const answers = [false, false, true]
    const onBack = vi.fn()
    const probe = new HealthProbe(async () => answers.shift() ?? true, onBack)
    probe.start()
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS * 2)
    expect(onBack).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS)
    expect(onBack).toHaveBeenCalledTimes(1)
    probe.stop()
  })

  it('counts a failed request as down', async () => {
    let fail = true
    const onBack = vi.fn()
    const probe = new HealthProbe(async () => {
      if (fail) throw new Error('refused')
      return true
    }, onBack)
    probe.start()
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS)
    fail = false
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS)
    expect(onBack).toHaveBeenCalledTimes(1)
    probe.stop()
  })

  it('does not call back while the server stays healthy (the socket is blocked elsewhere: no retry every second)', async () => {
    const onBack = vi.fn()
    const probe = new HealthProbe(async () => true, onBack)
    probe.start()
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS * 10)
    expect(onBack).not.toHaveBeenCalled()
    probe.stop()
  })

  it('stops probing on stop(), also with a probe in flight', async () => {
    let answer!: (ok: boolean) => void
    const healthy = vi.fn(() => new Promise<boolean>((resolve) => { answer = resolve }))
    const onBack = vi.fn()
    const probe = new HealthProbe(healthy, onBack)
    probe.start()
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS)
    probe.stop()
    answer(false)
    await vi.advanceTimersByTimeAsync(PROBE_EVERY_MS * 5)
    expect(healthy).toHaveBeenCalledTimes(1)
    expect(probe.active).toBe(false)
  })
})
