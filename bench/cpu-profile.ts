// CPU profiles of a server taken around a piece of the benchmark, and the functions they spent most of their own time in.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CpuProfile, ServerInspector } from './server-inspector'

/** Runs `work`; with a `dir`, profiles the server meanwhile, writes `dir/<label>.cpuprofile` and prints the top functions. */
export async function profiled<T>(inspector: ServerInspector, dir: string | undefined, label: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work()
  await inspector.startProfile()
  let result: T
  try {
    result = await work()
  }
  finally {
    const profile = await inspector.stopProfile()
    const file = join(dir, `${label.replace(/[^\w.-]+/g, '_')}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    console.log(`  CPU profile of the server (${label}): ${file}; most self time:`)
    for (const line of topFunctions(profile, 12)) console.log(`    ${line}`)
    console.log(`  busy time by stage: ${busyByStage(profile).join(', ')}`)
  }
  return result
}

/** The `count` functions with the most self time: share of samples, milliseconds, name and place. */
function topFunctions(profile: CpuProfile, count: number): string[] {
  const byNode = new Map(profile.nodes.map(node => [node.id, node]))
  const selfMs = new Map<string, number>()
  let totalMs = 0
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    totalMs += ms
    if (!frame) return
    const file = frame.url.slice(frame.url.lastIndexOf('/') + 1)
    const key = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim()
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms)
  })
  return [...selfMs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${key}`)
}

/** Stages a sample's own frame belongs to, by where its code lives (the built server bundles Lookout's own code into chunks). */
const STAGES: Array<[string, RegExp]> = [
  ['database engine (PGlite)', /@electric-sql\/pglite|^wasm:/],
  ['PostgreSQL client', /node_modules\/pg(-[a-z]+)?\//],
  ['drizzle query building', /drizzle-orm/],
  ['MQTT broker (aedes, mqtt-packet)', /aedes|mqtt-packet|mqemitter|fastparallel|fastfall|fastseries|hyperid|bulk-write-stream/],
  ['validation (zod)', /node_modules\/zod/],
  ['Lookout (bundled)', /\.output\/server\/(chunks|index)/],
  ['Node.js (net, streams, timers)', /^node:|internal\//],
]

/** Shares of the profile's busy (not idle) time per stage, GC and the rest. */
function busyByStage(profile: CpuProfile): string[] {
  const byNode = new Map(profile.nodes.map(node => [node.id, node]))
  const ms = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    const delta = (profile.timeDeltas[i] ?? 0) / 1000
    if (!frame || frame.functionName === '(idle)') return
    busy += delta
    const stage = frame.functionName === '(garbage collector)'
      ? 'garbage collection'
      : frame.functionName === '(program)' ? 'V8 / native (program)' : STAGES.find(([, pattern]) => pattern.test(frame.url))?.[0] ?? 'other'
    ms.set(stage, (ms.get(stage) ?? 0) + delta)
  })
  return [...ms].sort((a, b) => b[1] - a[1]).map(([stage, time]) => `${stage} ${((time / busy) * 100).toFixed(0)}%`)
}
