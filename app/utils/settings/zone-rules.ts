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

/** What is wrong with the rows before asking the server, one message per problem (empty when fine). */
export function ruleRowProblems(rows: RuleRow[]): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    const metric = row.metric.trim()
    if (!metric) continue
    if (!/^[a-z][a-z0-9_]{0,39}$/i.test(metric)) problems.push(`${metric}: a metric name like temperature or water_level`)
    if (seen.has(metric)) problems.push(`${metric}: appears twice`)
    seen.add(metric)
    if (given(row.min) && given(row.max) && row.min >= row.max) problems.push(`${metric}: min must be below max`)
    if (given(row.criticalMin) && given(row.criticalMax) && row.criticalMin >= row.criticalMax) problems.push(`${metric}: critical min must be below critical max`)
    if (given(row.delaySeconds) && row.delaySeconds < 0) problems.push(`${metric}: delay cannot be negative`)
    if (given(row.deadband) && row.deadband < 0) problems.push(`${metric}: deadband cannot be negative`)
  }
  return problems
}
