// The doctor's output: one aligned line per check (with its fix), or JSON for machines.
import type { CheckResult } from './check-result'

/** Lines for a person: `PASS  database  …`, and `      fix: …` under WARN and FAIL lines. */
export function textReport(results: CheckResult[]): string {
  const width = Math.max(...results.map(result => result.check.length))
  const lines = results.flatMap(result => [
    `${result.verdict.padEnd(4)}  ${result.check.padEnd(width)}  ${result.detail}`,
    ...(result.fix ? [`${' '.repeat(6 + width)}  fix: ${result.fix}`] : []),
  ])
  const failed = results.filter(result => result.verdict === 'FAIL').length
  const warned = results.filter(result => result.verdict === 'WARN').length
  lines.push('', failed > 0 ? `${failed} check(s) failed, ${warned} warning(s)` : `all checks passed${warned > 0 ? `, ${warned} warning(s)` : ''}`)
  return lines.join('\n')
}

/** `{"ok": …, "checks": [...]}` for `--json`. */
export function jsonReport(results: CheckResult[]): string {
  return JSON.stringify({ ok: isHealthy(results), checks: results }, null, 2)
}

/** True when no check failed (warnings do not fail the doctor). */
export function isHealthy(results: CheckResult[]): boolean {
  return results.every(result => result.verdict !== 'FAIL')
}
