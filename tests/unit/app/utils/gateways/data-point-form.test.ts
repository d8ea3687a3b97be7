import { describe, expect, it } from 'vitest'
import { dataPointFormErrors, dataTypeFor, emptyDataPointForm } from '../../../../../app/utils/gateways/data-point-form'

describe('add data point form', () => {
  it('accepts a complete form', () => {
    expect(dataPointFormErrors({ ...emptyDataPointForm(), register: 40, label: 'Flow' })).toEqual([])
  })

  it('names each field the server would refuse', () => {
    const fields = (state: Partial<ReturnType<typeof emptyDataPointForm>>) => dataPointFormErrors({ ...emptyDataPointForm(), register: 1, label: 'x', ...state }).map(error => error.name)
    expect(fields({ register: undefined })).toEqual(['register'])
    expect(fields({ register: 65536 })).toEqual(['register'])
    expect(fields({ register: 1.5 })).toEqual(['register'])
    expect(fields({ label: '  ' })).toEqual(['label'])
    expect(fields({ scale: 0 })).toEqual(['scale'])
    expect(fields({ unit: 'u'.repeat(21) })).toEqual(['unit'])
    expect(fields({ group: '' })).toEqual(['group'])
    expect(fields({ offset: Number.NaN })).toEqual(['offset'])
  })

  it('refuses what cannot be read: a bool from registers, a number from coils, a 32-bit value at the last address', () => {
    const errors = (state: Partial<ReturnType<typeof emptyDataPointForm>>) => dataPointFormErrors({ ...emptyDataPointForm(), register: 1, label: 'x', ...state })
    expect(errors({ function: 'holding', dataType: 'bool' })).toEqual([{ name: 'dataType', message: 'bool is read from coils or discrete inputs, not holding registers' }])
    expect(errors({ function: 'coil', dataType: 'uint16' }).map(error => error.name)).toEqual(['dataType'])
    expect(errors({ register: 65535, dataType: 'float32' }).map(error => error.name)).toEqual(['register'])
    expect(errors({ function: 'discrete', dataType: 'bool' })).toEqual([])
  })

  it('switches the data type to fit a newly chosen function', () => {
    expect(dataTypeFor('coil', 'float32')).toBe('bool')
    expect(dataTypeFor('holding', 'bool')).toBe('uint16')
    expect(dataTypeFor('input', 'int32')).toBe('int32')
  })
})
