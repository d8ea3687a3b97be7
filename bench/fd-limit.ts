// The open-file limit (`ulimit -n`) against the sockets a run needs.
import { readFileSync } from 'node:fs'

export interface FdLimit {
  soft: number
  hard: number
}

/** Soft and hard "Max open files" of this process (Infinity for unlimited); the server child inherits them. */
export function openFileLimit(): FdLimit {
  const limits = readFileSync('/proc/self/limits', 'utf8')
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits)
  if (!match) throw new Error('no "Max open files" in /proc/self/limits')
  const parse = (value: string) => (value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value))
  return { soft: parse(match[1]!), hard: parse(match[2]!) }
}

/** A message saying why the limit is too low for `needed` descriptors and how to raise it, or null when it is enough. */
export function fdLimitProblem(limit: FdLimit, needed: number): string | null {
  if (limit.soft >= needed) return null
  const target = Math.min(limit.hard, Math.max(needed, 65_536))
  const raise = limit.hard >= needed
    ? `raise the soft limit in the shell first, e.g. \`ulimit -n ${target} && npm run bench ...\` (the hard limit is ${limit.hard})`
    : `the hard limit is ${limit.hard} too, so it must be raised as root (limits.conf / systemd LimitNOFILE) or use fewer connections`
  return `open-file limit (ulimit -n) is ${limit.soft}, but ${needed} descriptors are needed (connections + 100): ${raise}. `
    + 'A process cannot raise its own soft limit from Node, so it has to be done in the shell that starts the benchmark.'
}
