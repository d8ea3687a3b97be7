// No hard-coded user-facing text in pages, layouts and components: every word a person reads comes from
// i18n/locales/*.json. A scan of each single-file component's template (text, user-facing attributes, string
// literals in {{ }} and in bound user-facing attributes) and script (label/title/description: '...' properties).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'vue/compiler-sfc'
import { hardCodedText } from '../../support/hard-coded-text'

const ROOT = join(import.meta.dirname, '../../..')

/**
 * TEMPORARY, emptied by the lead at merge: files other helpers translate on their own branches (i18n-pages-a,
 * i18n-pages-b, i18n-server). They are skipped here until their translated versions are merged.
 */
const NOT_YET_TRANSLATED = new Set<string>([
  'app/pages/alerts.vue',
  'app/pages/devices.vue',
  'app/pages/gateways/[gateway].vue',
  'app/pages/gateways/index.vue',
  'app/pages/index.vue',
  'app/pages/settings.vue',
  'app/pages/settings/gateways.vue',
  'app/pages/settings/nodes.vue',
  'app/pages/settings/tokens.vue',
  'app/pages/settings/users.vue',
  'app/pages/settings/vehicles.vue',
  'app/pages/settings/zones.vue',
  'app/pages/zones/[zone].vue',
  'app/pages/zones/index.vue',
  'components/alerts/AlertFacts.vue',
  'components/dashboard/ActiveAlerts.vue',
  'components/dashboard/ActivityFeed.vue',
  'components/dashboard/LatestCommands.vue',
  'components/dashboard/SummaryCards.vue',
  'components/devices/UnassignedDeviceRow.vue',
  'components/gateways/GatewayAddDataPoint.vue',
  'components/gateways/GatewayConnectionForm.vue',
  'components/gateways/GatewayConnectionPanel.vue',
  'components/gateways/GatewayConnectionTest.vue',
  'components/gateways/GatewayDataPointCard.vue',
  'components/gateways/GatewayPollHealth.vue',
  'components/gateways/GatewayStatusHeader.vue',
  'components/settings/ConfirmDelete.vue',
  'components/settings/DataPointRow.vue',
  'components/settings/GatewayDataPoints.vue',
  'components/settings/GatewayForm.vue',
  'components/settings/NodeForm.vue',
  'components/settings/PasswordForm.vue',
  'components/settings/TokenCreated.vue',
  'components/settings/TokenForm.vue',
  'components/settings/UserForm.vue',
  'components/settings/VehicleForm.vue',
  'components/settings/ZoneForm.vue',
  'components/settings/ZoneRuleRow.vue',
  'components/zones/ZoneAlerts.vue',
  'components/zones/ZoneCommandForm.vue',
  'components/zones/ZoneCommandList.vue',
  'components/zones/ZoneHeader.vue',
  'components/zones/ZoneNodes.vue',
  'components/zones/ZoneTelemetryCharts.vue',
  'components/zones/ZoneViewers.vue',
])

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
  it.each(files.filter(file => !NOT_YET_TRANSLATED.has(file)))('%s has none', (file) => {
    expect(hardCodedText(parse(readFileSync(join(ROOT, file), 'utf8'), { filename: file }).descriptor)).toEqual([])
  })

  it('lists only files that exist', () => {
    expect([...NOT_YET_TRANSLATED].filter(file => !files.includes(file))).toEqual([])
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
