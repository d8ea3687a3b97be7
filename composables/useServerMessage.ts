// Shows a text the server stored as a catalogue code and parameters (alerts, activity, notifications, refusals) in
// the page's language, the same way the server renders it; the server's English text when the code is unknown.
import type { MessageParam, MessageParams } from '#shared/server-message'
import { isMessageRef, PLURAL_PARAM } from '#shared/server-message'

interface Coded {
  message: string
  messageCode: string | null
  messageParams: MessageParams
}

interface CodedNotification {
  title: string
  body: string
  messageCode: string | null
  messageParams: MessageParams
}

/** `render(code, params, text)`, and `message(alert|event)`, `notification(n)` for payloads that carry codes. */
export function useServerMessage() {
  const { t, te } = useI18n()
  const known = (code: string) => te(code) || te(code, 'en')

  function render(code: string | null, params: MessageParams = {}, text = ''): string {
    if (code === null || !known(code)) return text
    const values = Object.fromEntries(Object.entries(params).map(([name, param]) => [name, value(param)]))
    const count = params[PLURAL_PARAM]
    return typeof count === 'number' ? t(code, values, count) : t(code, values)
  }

  function value(param: MessageParam): string | number {
    return isMessageRef(param) ? render(param.code, param.params, param.text) : param
  }

  return {
    render,
    /** An alert's or activity event's message. */
    message: (item: Coded) => render(item.messageCode, item.messageParams, item.message),
    /** A notification's title and body. */
    notification: (item: CodedNotification) => ({
      title: item.messageCode === null ? item.title : render(`${item.messageCode}.title`, item.messageParams, item.title),
      body: item.messageCode === null ? item.body : render(`${item.messageCode}.body`, item.messageParams, item.body),
    }),
  }
}
