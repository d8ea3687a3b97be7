// The functions a V8 CPU profile spent most of its own time in, as printable lines.
import type { CpuProfile } from './server-inspector'

/** The `count` functions with the most self time: share of samples, milliseconds, name and place. */
export function topFunctions(profile: CpuProfile, count: number): string[] {
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
