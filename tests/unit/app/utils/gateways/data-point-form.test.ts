import { describe, expect, it } from 'vitest'
import { dataPointFormErrors, dataTypeFor, emptyDataPointForm } from '../../../../../app/utils/gateways/data-point-form'
import { translator } from '../../../../support/translators'

const en = translator('en')

describe('add data point form', () => {
  it('accepts a complete form', () => {
    expect(dataPointFormErrors({ ...emptyDataPointForm(), register: 40, label: 'Flow' }, en)).toEqual([])
  })

  it('names each field the server would refuse', () => {
    const fields = (state: Partial<ReturnType<typeof emptyDataPointForm>>) => dataPointFormErrors({ ...emptyDataPointForm(), register: 1, label: 'x', ...state }, en).map(error => error.name)
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
    const errors = (state: Partial<ReturnType<typeof emptyDataPointForm>>) => dataPointFormErrors({ ...emptyDataPointForm(), register: 1, label: 'x', ...state }, en)
    expect(errors({ function: 'holding', dataType: 'bool' })).toEqual([{ name: 'dataType', message: 'bool is read from coils or discrete inputs, not holding registers' }])
    expect(errors({ function: 'coil', dataType: 'uint16' }).map(error => error.name)).toEqual(['dataType'])
    expect(errors({ register: 65535, dataType: 'float32' }).map(error => error.name)).toEqual(['register'])
    expect(errors({ function: 'discrete', dataType: 'bool' })).toEqual([])
  })

  it('words its problems in the reader\'s language', () => {
    const form = { ...emptyDataPointForm(), register: 70_000, label: 'x'.repeat(101), scale: 0 }
    expect(dataPointFormErrors(form, en).map(error => error.message)).toEqual(['A whole number from 0 to 65535', 'At most 100 characters', 'A number other than zero'])
    expect(dataPointFormErrors(form, translator('ru')).map(error => error.message)).toEqual(['Целое число от 0 до 65535', 'Не более 100 символов', 'Число, не равное нулю'])
    expect(dataPointFormErrors({ ...form, register: 1, label: '' }, translator('pl')).map(error => error.message)).toEqual(['Pole wymagane', 'Liczba różna od zera'])
  })

  it('switches the data type to fit a newly chosen function', () => {
    expect(dataTypeFor('coil', 'float32')).toBe('bool')
    expect(dataTypeFor('holding', 'bool')).toBe('uint16')
    expect(dataTypeFor('input', 'int32')).toBe('int32')
  })
})
