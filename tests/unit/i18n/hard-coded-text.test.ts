// No hard-coded user-facing text in pages, layouts and components: every word a person reads comes from
// i18n/locales/*.json. A scan of each single-file component's template (text, user-facing attributes, string
// literals in {{ }} and in bound user-facing attributes) and script (label/title/description: '...' properties).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'vue/compiler-sfc'
import { hardCodedText } from '../../support/hard-coded-text'

const ROOT = join(import.meta.dirname, '../../..')

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return vueFiles(path)
    return name.endsWith('.vue') ? [path] : []
  })
}

const files = ['app/pages', 'app/layouts', 'app/app.vue', 'components']
  .flatMap(path => (path.endsWith('.vue') ? [join(ROOT, path)] : vueFiles(join(ROOT, path))))
  .map(path => relative(ROOT, path))

describe('hard-coded user-facing text', () => {
  it.each(files)('%s has none', (file) => {
    expect(hardCodedText(parse(readFileSync(join(ROOT, file), 'utf8'), { filename: file }).descriptor)).toEqual([])
  })
})

describe('the scan', () => {
  const scan = (source: string) => hardCodedText(parse(source, { filename: 'Sample.vue' }).descriptor)

  it('finds text, user-facing attributes, prose in bindings and interpolations, and script labels', () => {
    const found = scan(`<script setup lang="ts">
const items = [{ label: 'Zones', icon: 'i-lucide-sprout' }]
toast.add({ title: \`Saved \${n} rows\`, color: 'error' })
</script>
<template>
  <UButton label="Save" aria-label="Save the zone" icon="i-lucide-save" color="primary">Save now</UButton>
  <UInput :placeholder="busy ? 'Loading…' : 'Type a name'" :title="state === 'connected' ? $t('status.live') : ''" />
  <p>{{ count === 1 ? 'One item' : $t('common.none') }} · 42 %</p>
</template>`)
    expect(found).toEqual([
      '6: label="Save"',
      '6: aria-label="Save the zone"',
      '6: text "Save now"',
      "7: :placeholder 'Loading…'",
      "7: :placeholder 'Type a name'",
      "8: {{ 'One item' }}",
      "script: label: 'Zones'",
      "script: title: 'Saved ${n} rows'",
    ])
  })

  it('passes translated text, icons, colours, state names and symbols', () => {
    expect(scan(`<script setup lang="ts">
const items = [{ label: t('layout.nav.zones'), icon: 'i-lucide-sprout', type: 'label' }]
</script>
<template>
  <UButton :label="$t('common.save')" icon="i-lucide-save" :color="ok ? 'success' : 'error'">{{ $t('common.save') }}</UButton>
  <span :title="x">— · % ° {{ value }} s</span>
</template>`)).toEqual([])
  })
})
