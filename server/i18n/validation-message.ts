// A zod issue as a catalogue code (namespace `validation`) and parameters, so a form shows it in its reader's language.
import type { z } from 'zod'
import type { MessageParams } from '../../shared/server-message'
import { term } from './server-message'

export interface ValidationCode {
  code: string
  params: MessageParams
}

type Issue = z.core.$ZodIssue

const listed = (values: readonly unknown[]) => values.map(value => String(value)).join(', ')

function sizeCode(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): ValidationCode {
  const small = issue.code === 'too_small'
  const limit = Number(small ? issue.minimum : issue.maximum)
  const bound: MessageParams = small ? { min: limit } : { max: limit }
  if (issue.origin === 'string') return { code: small ? 'validation.tooShort' : 'validation.tooLong', params: { ...bound, count: limit } }
  if (issue.origin === 'array' || issue.origin === 'set') return { code: small ? 'validation.tooFewItems' : 'validation.tooManyItems', params: { ...bound, count: limit } }
  if (issue.inclusive === false) return { code: small ? 'validation.greaterThan' : 'validation.lessThan', params: bound }
  return { code: small ? 'validation.tooSmall' : 'validation.tooBig', params: bound }
}

/** The code and parameters of `issue`; a refinement names its own code in `params.code`, others read 'validation.invalid'. */
export function validationCode(issue: Issue): ValidationCode {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'validation.notInteger', params: {} }
      if (issue.message.endsWith('received undefined')) return { code: 'validation.required', params: {} }
      return { code: 'validation.invalidType', params: { expected: term(`validation.types.${issue.expected}`, issue.expected) } }
    case 'too_small':
    case 'too_big':
      return sizeCode(issue)
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'validation.invalidEmail', params: {} }
      if (issue.format === 'url') return { code: 'validation.invalidUrl', params: {} }
      return { code: 'validation.invalidFormat', params: {} }
    case 'invalid_value':
      return { code: 'validation.invalidOption', params: { options: listed(issue.values) } }
    case 'unrecognized_keys':
      return { code: 'validation.unknownKeys', params: { keys: listed(issue.keys) } }
    case 'custom': {
      const code = issue.params?.code
      return typeof code === 'string' ? { code, params: (issue.params?.values ?? {}) as MessageParams } : { code: 'validation.invalid', params: {} }
    }
    default:
      return { code: 'validation.invalid', params: {} }
  }
}
