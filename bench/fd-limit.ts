// The open-file limit (`ulimit -n`) against the sockets a run needs.
import { readFileSync } from 'node:fs'

/** Soft and hard open-file limits. */
export interface FdLimit {
  soft: number
  hard: number
}

/**
 * Soft and hard "Max open files" of this process (Infinity for unlimited). Node raises its own soft
 * limit to the hard limit at start-up, and the server (also Node) does the same, so the soft figure
 * read here is what both processes really get.
 */
export function openFileLimit(): FdLimit {
  const limits = readFileSync('/proc/self/limits', 'utf8')
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits)
  if (!match) throw new Error('no "Max open files" in /proc/self/limits')
  const parse = (value: string) => (value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value))
  return { soft: parse(match[1]!), hard: parse(match[2]!) }
}

/** Why the limit is too low for `needed` descriptors and how to raise it, or null when it is enough. */
export function fdLimitProblem(limit: FdLimit, needed: number): string | null {
  if (limit.soft >= needed) return null
  const target = Math.max(needed, 65_536)
  const how = limit.hard >= needed
    ? `raise the soft limit in the shell that runs the benchmark, e.g. \`ulimit -n ${Math.min(limit.hard, target)}\` then \`npm run bench\``
    : `the hard limit is ${limit.hard}, so raise it in the shell as root (\`ulimit -Hn ${target}; ulimit -n ${target}\`, `
      + 'or limits.conf / systemd LimitNOFILE / docker --ulimit nofile=...) or use fewer connections'
  return `the open-file limit is ${limit.soft}, but ${needed} descriptors are needed: ${how}. `
    + 'A Node process cannot raise its limit beyond the hard limit itself; it must be done in the shell before starting.'
}
