// The gateway connection form: filled from the saved connection, checked with the API's own schema.
import { describe, expect, it } from 'vitest'
import { connectionFormState, connectionFromForm } from '../../../../../app/utils/gateways/connection-form'
import { translator } from '../../../../support/translators'

const modbus = { protocol: 'modbus-tcp' as const, host: '10.0.0.5', port: 502, unitId: 3, pollIntervalMs: 1000, timeoutMs: 500 }
const en = translator('en')
const errorsOf = (change: Record<string, unknown>) => connectionFromForm({ ...modbus, ...change }, en).errors

describe('gateway connection form', () => {
  it('shows a Modbus connection as it is saved', () => {
    expect(connectionFormState(modbus)).toEqual(modbus)
  })

  it('offers Modbus\'s usual port, unit and timing for a pushed gateway switched to Modbus', () => {
    expect(connectionFormState({ protocol: 'push' })).toEqual({ protocol: 'push', host: '', port: 502, unitId: 1, pollIntervalMs: 5000, timeoutMs: 2000 })
  })

  it('saves push as push, whatever the Modbus fields hold', () => {
    expect(connectionFromForm({ ...modbus, protocol: 'push', host: '' }, en)).toEqual({ connection: { protocol: 'push' }, errors: [] })
  })

  it('saves a Modbus connection with the host trimmed', () => {
    expect(connectionFromForm({ ...modbus, host: ' plc.local ' }, en)).toEqual({ connection: { ...modbus, host: 'plc.local' }, errors: [] })
  })

  it('names each field the API would refuse, once', () => {
    expect(errorsOf({ port: 70_000 }).map(error => error.name)).toEqual(['port'])
    expect(errorsOf({ unitId: 256 }).map(error => error.name)).toEqual(['unitId'])
    expect(errorsOf({ pollIntervalMs: 10 }).map(error => error.name)).toEqual(['pollIntervalMs'])
    expect(errorsOf({ timeoutMs: 1.5 }).map(error => error.name)).toEqual(['timeoutMs'])
    expect(errorsOf({ host: 'not a host!' })).toEqual([{ name: 'host', message: 'must be a host name or an IP address' }])
  })

  it('says "Required" for an emptied field rather than a type error', () => {
    // An emptied number input holds '' (Vue's .number modifier leaves it as it is).
    expect(errorsOf({ host: '  ', port: '' })).toEqual([{ name: 'host', message: 'Required' }, { name: 'port', message: 'Required' }])
    expect(connectionFromForm({ ...modbus, host: '' }, translator('ru')).errors).toEqual([{ name: 'host', message: 'Обязательное поле' }])
  })
})
