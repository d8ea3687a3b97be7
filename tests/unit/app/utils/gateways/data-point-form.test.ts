import { describe, expect, it } from 'vitest'
import { dataPointFormErrors, emptyDataPointForm } from '../../../../../app/utils/gateways/data-point-form'

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
  })
})
