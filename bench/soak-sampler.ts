// Samples another Node process's memory and descriptors: RSS and open fds from /proc, the V8 heap from a
// diagnostic report it writes on SIGUSR2 (it must be started with the sampler's `nodeOptions` as NODE_OPTIONS).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sleep } from './clock'
import { readRssKb } from './process-stats'

/** One sample of the server process. */
export interface ProcessSample {
  /** Seconds since the sampler was created. */
  at: number
  rssMb: number
  heapUsedMb: number
  heapTotalMb: number
  fds: number
}

export class ProcessSampler {
  /** Where the server writes its reports; pass `nodeOptions` to the server as NODE_OPTIONS. */
  readonly reportDir = mkdtempSync(join(tmpdir(), 'lookout-soak-reports-'))
  readonly nodeOptions = `--report-on-signal --report-signal=SIGUSR2 --report-compact --report-directory=${this.reportDir}`
  private readonly started = Date.now()

  /** Samples process `pid` now (the report takes the server a few milliseconds). */
  async sample(pid: number): Promise<ProcessSample> {
    const fds = readdirSync(`/proc/${pid}/fd`).length
    const rssMb = readRssKb(pid) / 1024
    const heap = await this.heap(pid)
    return { at: (Date.now() - this.started) / 1000, rssMb, heapUsedMb: heap.used / 2 ** 20, heapTotalMb: heap.total / 2 ** 20, fds }
  }

  /** Removes the report folder. */
  dispose(): void {
    rmSync(this.reportDir, { recursive: true, force: true })
  }

  private async heap(pid: number): Promise<{ used: number, total: number }> {
    process.kill(pid, 'SIGUSR2')
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      const file = readdirSync(this.reportDir).find(name => name.endsWith('.json'))
      if (file) {
        const path = join(this.reportDir, file)
        try {
          const report = JSON.parse(readFileSync(path, 'utf8')) as { javascriptHeap: { usedMemory: number, totalMemory: number } }
          rmSync(path)
          return { used: report.javascriptHeap.usedMemory, total: report.javascriptHeap.totalMemory }
        }
        catch {
          // Still being written: read it again shortly.
        }
      }
      await sleep(50)
    }
    throw new Error(`process ${pid} wrote no diagnostic report within 10 s (is it started with ${this.nodeOptions}?)`)
  }
}

/** The middle value of `values` (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
