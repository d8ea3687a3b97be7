// A zone's targets and thresholds as the Settings form edits them: one row per metric.
import type { ZoneTargets, ZoneThreshold, ZoneThresholds } from '#shared/zones'

export interface ZoneRules {
  targets: ZoneTargets
  thresholds: ZoneThresholds
}

const LIMITS = ['min', 'max', 'criticalMin', 'criticalMax', 'delaySeconds', 'deadband'] as const

/** One metric's row; an empty input is `null` (not set). */
export type RuleRow = { metric: string, target: number | null } & Record<(typeof LIMITS)[number], number | null>

/** A blank row for a new metric. */
export function emptyRuleRow(): RuleRow {
  return { metric: '', target: null, min: null, max: null, criticalMin: null, criticalMax: null, delaySeconds: null, deadband: null }
}

const given = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** Rows for the metrics that have a target or a threshold, in metric order. */
export function rowsOfRules(rules: ZoneRules): RuleRow[] {
  const metrics = [...new Set([...Object.keys(rules.targets), ...Object.keys(rules.thresholds)])].sort()
  return metrics.map((metric) => {
    const threshold = rules.thresholds[metric] ?? {}
    const row: RuleRow = { ...emptyRuleRow(), metric, target: rules.targets[metric] ?? null }
    for (const limit of LIMITS) row[limit] = given(threshold[limit]) ? threshold[limit] : null
    return row
  })
}

/** The request body's `targets` and `thresholds`: unset values left out, rows without a metric ignored. */
export function rulesOfRows(rows: RuleRow[]): ZoneRules {
  const rules: ZoneRules = { targets: {}, thresholds: {} }
  for (const row of rows) {
    const metric = row.metric.trim()
    if (!metric) continue
    if (given(row.target)) rules.targets[metric] = row.target
    const threshold: ZoneThreshold = {}
    for (const limit of LIMITS) if (given(row[limit])) threshold[limit] = row[limit]
    if (Object.keys(threshold).length > 0) rules.thresholds[metric] = threshold
  }
  return rules
}

/** One problem of a row: the catalogue key of its message (namespace `settings.rule.problems`) and the metric. */
export interface RuleRowProblem {
  key: string
  metric: string
}

/** What is wrong with the rows before asking the server, one problem each (empty when fine). */
export function ruleRowProblems(rows: RuleRow[]): RuleRowProblem[] {
  const problems: RuleRowProblem[] = []
  const add = (key: string, metric: string) => problems.push({ key: `settings.rule.problems.${key}`, metric })
  const seen = new Set<string>()
  for (const row of rows) {
    const metric = row.metric.trim()
    if (!metric) continue
    if (!/^[a-z][a-z0-9_]{0,39}$/i.test(metric)) add('metricName', metric)
    if (seen.has(metric)) add('twice', metric)
    seen.add(metric)
    if (given(row.min) && given(row.max) && row.min >= row.max) add('minBelowMax', metric)
    if (given(row.criticalMin) && given(row.criticalMax) && row.criticalMin >= row.criticalMax) add('criticalMinBelowMax', metric)
    if (given(row.delaySeconds) && row.delaySeconds < 0) add('negativeDelay', metric)
    if (given(row.deadband) && row.deadband < 0) add('negativeDeadband', metric)
  }
  return problems
}
