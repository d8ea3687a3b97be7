// SIMULATOR_OUTAGES=off: the simulated gateways never fall silent, for a steady demo or tests that need every
// device answering; on (the default) they now and then go quiet long enough to go offline.

/** Whether simulated gateways fall silent now and then; throws naming the variable when it is neither on nor off. */
export function outagesWanted(env: Record<string, string | undefined>): boolean {
  const raw = env.SIMULATOR_OUTAGES?.trim() || 'on'
  if (raw !== 'on' && raw !== 'off') throw new Error(`SIMULATOR_OUTAGES must be on or off, got "${raw}"`)
  return raw === 'on'
}
