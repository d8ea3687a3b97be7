// How an alert's severity looks wherever alerts are listed.
import type { Severity } from '#shared/events'

/** The badge colour of each severity. */
export const SEVERITY_COLOR: Record<Severity, 'error' | 'warning' | 'info'> = { critical: 'error', warning: 'warning', info: 'info' }
