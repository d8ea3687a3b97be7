// A client of a server's V8 inspector (`--inspect=127.0.0.1:0`): full GCs, heap figures and CPU profiles from outside.
import WebSocket from 'ws'
import type { RawData } from 'ws'

/** The server's V8 heap in use and the external memory V8 is told about (Buffers...), in bytes. */
export interface HeapFigures {
  heapUsed: number
  external: number
}

// v8.getHeapStatistics() rather than process.memoryUsage(), which opens /proc/self/stat: a server
// with every descriptor taken by sockets would fail with EMFILE.
const HEAP_EXPRESSION = `JSON.stringify((({ used_heap_size, external_memory }) => ({ heapUsed: used_heap_size, external: external_memory }))`
  + `(process.getBuiltinModule('v8').getHeapStatistics()))`

interface Reply {
  id?: number
  result?: { result?: { value?: unknown } } & Record<string, unknown>
  error?: { message: string }
}

/** One inspector session; every call is a Chrome DevTools Protocol command. */
export class ServerInspector {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void, reject: (error: Error) => void }>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: RawData) => {
      const reply = JSON.parse(data.toString()) as Reply
      const waiter = reply.id === undefined ? undefined : this.pending.get(reply.id)
      if (!waiter) return
      this.pending.delete(reply.id!)
      if (reply.error) waiter.reject(new Error(`inspector: ${reply.error.message}`))
      else waiter.resolve(reply)
    })
    ws.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('inspector connection closed'))
      this.pending.clear()
    })
  }

  /** Connects to the inspector whose `Debugger listening on ws://...` line is in `output`. */
  static async connect(output: string): Promise<ServerInspector> {
    const match = /Debugger listening on (ws:\/\/\S+)/.exec(output)
    if (!match) throw new Error('the server printed no inspector address (was it started with --inspect?)')
    const ws = new WebSocket(match[1]!, { perMessageDeflate: false, maxPayload: 2 ** 31 - 1 })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return new ServerInspector(ws)
  }

  /** Runs full garbage collections until the heap stops shrinking, then reads the heap figures. */
  async settledMemory(): Promise<HeapFigures> {
    let previous = Number.POSITIVE_INFINITY
    for (let round = 0; round < 5; round++) {
      await this.call('HeapProfiler.collectGarbage')
      const { heapUsed } = await this.memory()
      if (heapUsed > previous * 0.99) break
      previous = heapUsed
    }
    return this.memory()
  }

  /** The server's `process.memoryUsage()` as it is (no GC first), in bytes. */
  async processMemory(): Promise<NodeJS.MemoryUsage> {
    return JSON.parse(await this.evaluateString('JSON.stringify(process.memoryUsage())')) as NodeJS.MemoryUsage
  }

  /** Starts sampling the server's CPU (1 ms interval). */
  async startProfile(): Promise<void> {
    await this.call('Profiler.enable')
    await this.call('Profiler.setSamplingInterval', { interval: 1000 })
    await this.call('Profiler.start')
  }

  /** Stops sampling; the profile as a `.cpuprofile` object (open in Chrome DevTools). */
  async stopProfile(): Promise<CpuProfile> {
    const reply = await this.call('Profiler.stop')
    await this.call('Profiler.disable')
    return reply.result!.profile as CpuProfile
  }

  close(): void {
    this.ws.terminate()
  }

  private async memory(): Promise<HeapFigures> {
    return JSON.parse(await this.evaluateString(HEAP_EXPRESSION)) as HeapFigures
  }

  private async evaluateString(expression: string): Promise<string> {
    const reply = await this.call('Runtime.evaluate', { expression, returnByValue: true })
    const value = reply.result?.result?.value
    if (typeof value !== 'string') throw new Error(`the server could not report its memory: ${JSON.stringify(reply.result).slice(0, 300)}`)
    return value
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<Reply> {
    const id = this.nextId++
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.ws.send(JSON.stringify({ id, method, params }))
    })
  }
}

/** The parts of a V8 CPU profile that cpu-profile.ts reads. */
export interface CpuProfile {
  nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }>
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}
