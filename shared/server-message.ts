// A text the server writes for people (alert, activity, notification, validation), kept as a catalogue code and
// parameters so that each reader sees it in their own language; `text` is its English rendering.

/** A parameter that is itself translated: a catalogue term or a whole message, with its English text as fallback. */
export interface MessageRef {
  /** Catalogue key; null for texts stored before codes existed (then `text` is shown as is). */
  code: string | null
  params?: MessageParams
  text: string
}

export type MessageParam = string | number | MessageRef

export type MessageParams = Record<string, MessageParam>

/** A message the server produced: code and parameters, and the English text stored beside them. */
export interface ServerMessage {
  code: string
  params: MessageParams
  text: string
}

/** Whether a parameter is a nested message or term rather than a plain value. */
export function isMessageRef(param: MessageParam): param is MessageRef {
  return typeof param === 'object' && param !== null && 'text' in param
}

/** The parameter that picks a plural form, as vue-i18n's `t(key, params, count)` is called with it. */
export const PLURAL_PARAM = 'count'
