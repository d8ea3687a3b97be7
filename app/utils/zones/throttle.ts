// Collapses bursts of calls (e.g. reloads triggered by live events) into at most one run per interval.

export interface Throttled {
  /** Asks for a run: now when idle, else once at the end of the current interval. */
  call: () => void
  /** Drops a pending run and stops the timer. */
  cancel: () => void
}

/** Runs `run` at most once per `intervalMs`; the first call runs at once, later ones in a burst become one trailing run. */
export function throttle(run: () => void, intervalMs: number): Throttled {
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending = false
  const cooldown = () => {
    timer = setTimeout(() => {
      timer = null
      if (!pending) return
      pending = false
      run()
      cooldown()
    }, intervalMs)
  }
  return {
    call: () => {
      if (timer !== null) {
        pending = true
        return
      }
      run()
      cooldown()
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      pending = false
    },
  }
}
