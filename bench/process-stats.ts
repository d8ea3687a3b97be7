// Resident memory and CPU time of another process, read from /proc (Linux only).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Resident set size of process `pid` in KiB (VmRSS of /proc/<pid>/status). */
export function readRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(match[1])
}

let ticksPerSecond: number | undefined

/** Clock ticks per second of /proc/<pid>/stat times (`getconf CLK_TCK`, 100 when it cannot be asked). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5_000 }).trim()) || 100
    }
    catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

/** CPU seconds (user + system) process `pid` has used so far, from utime and stime of /proc/<pid>/stat. */
export function readCpuSeconds(pid: number): number {
  const { user, system } = readCpuTimes(pid)
  return user + system
}

/** CPU seconds process `pid` has spent in its own code (user) and in the kernel on its behalf (system), so far. */
export function readCpuTimes(pid: number): { user: number, system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc/${pid}/stat`)
  return { user: utime / clockTicksPerSecond(), system: stime / clockTicksPerSecond() }
}
