// Child processes (servers, Redis, load generators) that must not outlive the benchmark, however it ends.
import type { ChildProcess } from 'node:child_process'

const children = new Set<ChildProcess>()
const stoppers = new Set<() => Promise<void>>()

process.once('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

/** Keeps `child` on the list of processes killed when the benchmark exits. */
export function killOnExit(child: ChildProcess): void {
  children.add(child)
  child.once('exit', () => children.delete(child))
}

/** Registers a graceful stop (a server removing its data folder) for stopAll(); returns a function to unregister it. */
export function stopOnInterrupt(stop: () => Promise<void>): () => void {
  stoppers.add(stop)
  return () => stoppers.delete(stop)
}

/** Runs every registered stop, giving up after `timeoutMs`. */
export async function stopAll(timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    Promise.allSettled([...stoppers].map(stop => stop())),
    new Promise(done => (timer = setTimeout(done, timeoutMs))),
  ])
  clearTimeout(timer)
}
