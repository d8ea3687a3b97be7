// The gateway connection form: its state from a saved connection, its problems (checked with the API's own
// schema, so the browser and the server refuse the same things), and the connection it saves.
import type { GatewayConnection } from '#shared/modbus'
import { modbusTcpConnectionSchema } from '#shared/modbus'
import type { Translate } from '../i18n/translate'

export interface ConnectionFormState {
  protocol: GatewayConnection['protocol']
  host: string
  port: number | undefined
  unitId: number | undefined
  pollIntervalMs: number | undefined
  timeoutMs: number | undefined
}

type Field = Exclude<keyof ConnectionFormState, 'protocol'>

const MODBUS_DEFAULTS = { host: '', port: 502, unitId: 1, pollIntervalMs: 5000, timeoutMs: 2000 }

/** The form for `connection`; a pushed gateway's form starts with Modbus's usual values for when it is switched. */
export function connectionFormState(connection: GatewayConnection): ConnectionFormState {
  return connection.protocol === 'modbus-tcp' ? { ...connection } : { protocol: 'push', ...MODBUS_DEFAULTS }
}

/** The connection the form describes, or the first problem of each field (none for `push`); an empty field's problem in `t`'s language. */
export function connectionFromForm(state: ConnectionFormState, t: Translate): { connection: GatewayConnection, errors: [] } | { connection: null, errors: Array<{ name: Field, message: string }> } {
  if (state.protocol === 'push') return { connection: { protocol: 'push' }, errors: [] }
  const parsed = modbusTcpConnectionSchema.safeParse({ ...state, host: state.host.trim() })
  if (parsed.success) return { connection: parsed.data, errors: [] }
  const errors = new Map<Field, string>()
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as Field
    // An emptied input is '' or undefined: say what is wanted rather than zod's type message.
    const value: unknown = state[name]
    const empty = value === undefined || (typeof value === 'string' && value.trim() === '')
    if (!errors.has(name)) errors.set(name, empty ? t('gateways.errors.required') : issue.message)
  }
  return { connection: null, errors: [...errors].map(([name, message]) => ({ name, message })) }
}
