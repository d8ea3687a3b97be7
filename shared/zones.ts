// A zone's threshold for one metric, as stored, edited in the pages and sent over the REST API.

export interface ZoneThreshold {
  /** Warning below / above. */
  min?: number
  max?: number
  /** Critical below / above; without them a breach is critical 10 % past the warning bound. */
  criticalMin?: number
  criticalMax?: number
  /** How long a breach must last before it raises an alert (default 30 s). */
  delaySeconds?: number
  /** How far back inside the range a value must come to resolve the alert (default 2 % of the range). */
  deadband?: number
}

/** Targets (set points) per metric and thresholds per metric. */
export type ZoneTargets = Record<string, number>
export type ZoneThresholds = Record<string, ZoneThreshold>
