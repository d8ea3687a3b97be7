// How Settings forms and buttons run a change: success toasted, a refused field shown on its form field.
// Forms showing refusals check a keystroke at once (`:validate-on-input-delay="0"`): with UForm's default 300 ms
// debounce, a check of a field typed just before Save ran after the server's answer and wiped its refusal.
import { formFieldOf, refusalOf } from '~/utils/settings/refusal'
import type { Refusal } from '~/utils/settings/refusal'

interface FormWithErrors {
  setErrors: (errors: Array<{ name: string, message: string }>) => void
}

/** Returns `run(change, success, form?, fields?)`, which resolves true when the change was stored. */
export function useSettingsChange() {
  const toast = useToast()
  const { t } = useI18n()
  const { render } = useServerMessage()
  // A coded refusal in the page's language (without the field, which the form shows); the server's text otherwise.
  const said = (refusal: Refusal) => (refusal.code ? render(refusal.code, refusal.params, refusal.message) : refusal.message)
  const busy = ref(false)

  async function run(change: () => Promise<unknown>, success: string, form?: FormWithErrors | null, fields: readonly string[] = []): Promise<boolean> {
    busy.value = true
    try {
      await change()
      toast.add({ title: success, color: 'success', icon: 'i-lucide-check' })
      return true
    }
    catch (failure) {
      const refusal = refusalOf(failure)
      const field = formFieldOf(refusal.field, fields)
      if (form && field) form.setErrors([{ name: field, message: said(refusal) }])
      else toast.add({ title: t('common.notSaved'), description: refusal.code && refusal.field ? `${refusal.field}: ${said(refusal)}` : said(refusal), color: 'error', icon: 'i-lucide-circle-alert' })
      return false
    }
    finally {
      busy.value = false
    }
  }

  return { run, busy }
}
