// What one doctor check found: a verdict, what was seen, and what to do about it in plain words.

export type Verdict = 'PASS' | 'WARN' | 'FAIL'

export interface CheckResult {
  /** Short name of what was checked, e.g. "database". */
  check: string
  verdict: Verdict
  /** What was seen. */
  detail: string
  /** What to do about it (WARN and FAIL). */
  fix?: string
}

/** A check that found nothing wrong. */
export const pass = (check: string, detail: string): CheckResult => ({ check, verdict: 'PASS', detail })

/** Something that works but deserves attention. */
export const warn = (check: string, detail: string, fix: string): CheckResult => ({ check, verdict: 'WARN', detail, fix })

/** Something that keeps realtime from working. */
export const fail = (check: string, detail: string, fix: string): CheckResult => ({ check, verdict: 'FAIL', detail, fix })
