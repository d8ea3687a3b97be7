// The shape of vue-i18n's `t` that plain functions take, so they word things in the reader's language and
// stay testable without a Vue app.

/** A message by key with named parameters, in the current language. */
export type Translate = (key: string, params?: Record<string, unknown>) => string
