import { describe, expect, it } from 'vitest'
import { emptyRuleRow, ruleRowProblems, rowsOfRules, rulesOfRows } from '../../../../../app/utils/settings/zone-rules'

describe('zone rules as form rows', () => {
  it('makes one row per metric that has a target or a threshold, sorted, with unset limits as null', () => {
    const rows = rowsOfRules({ targets: { temperature: 22 }, thresholds: { ph: { min: 5.5, max: 6.5, delaySeconds: 60 }, temperature: { max: 30 } } })
    expect(rows.map(row => row.metric)).toEqual(['ph', 'temperature'])
    expect(rows[0]).toMatchObject({ target: null, min: 5.5, max: 6.5, delaySeconds: 60, deadband: null })
    expect(rows[1]).toMatchObject({ target: 22, min: null, max: 30 })
  })

  it('turns rows back into targets and thresholds, leaving out unset values and blank metrics', () => {
    const rules = rulesOfRows([
      { ...emptyRuleRow(), metric: ' ph ', min: 5.5, max: 6.5, deadband: 0.1 },
      { ...emptyRuleRow(), metric: 'co2', target: 800 },
      { ...emptyRuleRow(), metric: '', min: 1 },
    ])
    expect(rules).toEqual({ targets: { co2: 800 }, thresholds: { ph: { min: 5.5, max: 6.5, deadband: 0.1 } } })
  })

  it('round-trips a zone unchanged', () => {
    const zone = { targets: { ec: 1.8 }, thresholds: { ec: { min: 1.2, max: 2.4, criticalMin: 1, criticalMax: 3, delaySeconds: 0, deadband: 0.05 } } }
    expect(rulesOfRows(rowsOfRules(zone))).toEqual(zone)
  })

  it('names each problem with its metric: bad names, repeats, inverted ranges, negative delay or deadband', () => {
    const problems = ruleRowProblems([
      { ...emptyRuleRow(), metric: 'bad name' },
      { ...emptyRuleRow(), metric: 'ph', min: 7, max: 6 },
      { ...emptyRuleRow(), metric: 'ph', criticalMin: 3, criticalMax: 2, delaySeconds: -1, deadband: -0.1 },
    ])
    expect(problems.map(problem => `${problem.metric}: ${problem.key}`)).toEqual([
      'bad name: settings.rule.problems.metricName',
      'ph: settings.rule.problems.minBelowMax',
      'ph: settings.rule.problems.twice',
      'ph: settings.rule.problems.criticalMinBelowMax',
      'ph: settings.rule.problems.negativeDelay',
      'ph: settings.rule.problems.negativeDeadband',
    ])
    expect(ruleRowProblems([{ ...emptyRuleRow(), metric: 'ph', min: 5, max: 7, delaySeconds: 0 }])).toEqual([])
  })
})
