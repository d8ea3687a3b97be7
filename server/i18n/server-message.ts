// How domain code writes a text for people: a catalogue code and parameters, with the English text stored beside.
import type { MessageParams, MessageRef, ServerMessage } from '../../shared/server-message'
import { renderMessage } from './render-message'

/** The message `code` with `params`, its English text filled in (what broadcasts and old readers get). */
export function serverMessage(code: string, params: MessageParams = {}): ServerMessage {
  return { code, params, text: renderMessage('en', { code, params, text: code }) }
}

/** A word translated by the catalogue when it has `code` (a metric, a role, a command), else shown as `text`. */
export function term(code: string, text: string): MessageRef {
  return { code, text }
}

/** A stored message as a parameter of another (an alert's text inside "Ada acknowledged ..."). */
export function nested(message: { code: string | null, params?: MessageParams, text: string }): MessageRef {
  return { code: message.code, params: message.params ?? {}, text: message.text }
}
