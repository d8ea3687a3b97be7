// A server-rendered form can be typed into before the page becomes interactive; hydration would then reset its
// fields to the empty state. Reading what is there first keeps the user's typing.

/** What was typed into the field `name` of the server-rendered form `formTestId` so far ('' on the server or when absent). */
export function typedEarly(formTestId: string, name: string): string {
  if (!import.meta.client) return ''
  return document.querySelector<HTMLInputElement>(`[data-testid=${formTestId}] input[name=${name}]`)?.value ?? ''
}
