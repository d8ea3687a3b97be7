// Colours of a chart's axes, grid and legend, readable on the light and the dark theme alike.

export interface ChartTheme {
  /** Tick labels, axis titles and legend text. */
  text: string
  /** Grid lines and axis borders. */
  grid: string
}

/** The axis colours for the current colour mode (chart.js's defaults, grey on transparent, vanish on dark). */
export function chartTheme(dark: boolean): ChartTheme {
  return dark
    ? { text: '#d4d4d8', grid: 'rgba(212, 212, 216, 0.18)' }
    : { text: '#3f3f46', grid: 'rgba(63, 63, 70, 0.14)' }
}
