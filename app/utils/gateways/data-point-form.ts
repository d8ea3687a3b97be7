// The add-data-point form's rules, checked in the browser before the server checks them again.

export interface DataPointFormState {
  register: number | undefined
  label: string
  unit: string
  scale: number | undefined
  group: string
}

/** A fresh form: scale 1 and the 'General' group, as the server defaults them. */
export function emptyDataPointForm(): DataPointFormState {
  return { register: undefined, label: '', unit: '', scale: 1, group: 'General' }
}

/** The form's problems, each naming its field; none when the server would accept it. */
export function dataPointFormErrors(state: DataPointFormState): Array<{ name: keyof DataPointFormState, message: string }> {
  const errors: Array<{ name: keyof DataPointFormState, message: string }> = []
  if (state.register === undefined || !Number.isInteger(state.register) || state.register < 0 || state.register > 65535) errors.push({ name: 'register', message: 'A whole number from 0 to 65535' })
  if (state.label.trim() === '') errors.push({ name: 'label', message: 'Required' })
  else if (state.label.trim().length > 100) errors.push({ name: 'label', message: 'At most 100 characters' })
  if (state.unit.trim().length > 20) errors.push({ name: 'unit', message: 'At most 20 characters' })
  if (state.scale === undefined || !Number.isFinite(state.scale) || state.scale === 0) errors.push({ name: 'scale', message: 'A number other than zero' })
  if (state.group.trim() === '') errors.push({ name: 'group', message: 'Required' })
  else if (state.group.trim().length > 50) errors.push({ name: 'group', message: 'At most 50 characters' })
  return errors
}
