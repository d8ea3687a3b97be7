import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { renderMessage } from '../../../../server/i18n/render-message'
import { validationCode } from '../../../../server/i18n/validation-message'

const issuesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues
const codeOf = (schema: z.ZodType, value: unknown) => validationCode(issuesOf(schema, value)[0]!)

describe('validationCode', () => {
  it('names a missing field required and a wrong type with the type expected', () => {
    expect(codeOf(z.object({ name: z.string() }), {})).toEqual({ code: 'validation.required', params: {} })
    expect(codeOf(z.object({ name: z.string() }), { name: 3 })).toEqual({ code: 'validation.invalidType', params: { expected: { code: 'validation.types.string', text: 'string' } } })
    expect(codeOf(z.number().int(), 1.5).code).toBe('validation.notInteger')
  })

  it('gives lengths and bounds with their limits, lengths also as the plural count', () => {
    expect(codeOf(z.string().min(8), 'short')).toEqual({ code: 'validation.tooShort', params: { min: 8, count: 8 } })
    expect(codeOf(z.string().max(2), 'long')).toEqual({ code: 'validation.tooLong', params: { max: 2, count: 2 } })
    expect(codeOf(z.array(z.string()).min(1), [])).toEqual({ code: 'validation.tooFewItems', params: { min: 1, count: 1 } })
    expect(codeOf(z.number().min(0), -1)).toEqual({ code: 'validation.tooSmall', params: { min: 0 } })
    expect(codeOf(z.number().lt(10), 10)).toEqual({ code: 'validation.lessThan', params: { max: 10 } })
  })

  it('names formats, options, unknown keys, and a refinement\'s own code', () => {
    expect(codeOf(z.email(), 'nope').code).toBe('validation.invalidEmail')
    expect(codeOf(z.enum(['admin', 'viewer']), 'root')).toEqual({ code: 'validation.invalidOption', params: { options: 'admin, viewer' } })
    expect(codeOf(z.object({}).strict(), { extra: 1 })).toEqual({ code: 'validation.unknownKeys', params: { keys: 'extra' } })
    expect(codeOf(z.number().refine(() => false, { params: { code: 'validation.mustBeBelowMax' } }), 1)).toEqual({ code: 'validation.mustBeBelowMax', params: {} })
    expect(codeOf(z.number().refine(() => false, 'a refinement without a code'), 1)).toEqual({ code: 'validation.invalid', params: {} })
  })

  it('reads in Russian and Polish with the right plural of the limit', () => {
    const short = { ...validationCode(issuesOf(z.string().min(5), 'ab')[0]!), text: '' }
    expect(renderMessage('ru', short)).toBe('не короче 5 символов')
    expect(renderMessage('pl', short)).toBe('co najmniej 5 znaków')
    const two = { ...validationCode(issuesOf(z.string().min(2), 'a')[0]!), text: '' }
    expect(renderMessage('ru', two)).toBe('не короче 2 символов')
    expect(renderMessage('pl', two)).toBe('co najmniej 2 znaki')
    expect(renderMessage('en', two)).toBe('must have at least 2 characters')
  })
})
