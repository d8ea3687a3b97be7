// Nuxt configuration: one app whose Nitro server is also the Pusher-protocol WebSocket server.
import { fileURLToPath } from 'node:url'
import type { NitroConfig } from 'nitropack'
import { BASEMAP_BUILD_DIR } from './modules/offline-basemap'
import { BASEMAP_BASE_URL } from './shared/map'

// The type of `nitro.experimental` lacks `websocket`, so it is passed through a typed value.
const nitroExperimental: NitroConfig['experimental'] & { websocket: boolean } = {
  websocket: true,
}

// SQL migrations travel inside the built server, read with useStorage('assets:migrations'). Typed
// through NitroConfig for the same reason as above (the module-augmented Nuxt type lacks it).
const migrationAssets: Pick<NitroConfig, 'serverAssets'> = {
  serverAssets: [{ baseName: 'migrations', dir: fileURLToPath(new URL('./server/db/migrations', import.meta.url)) }],
}

// Brotli and gzip copies of the built JS, CSS and base map, written once at build time; Nitro sends the one the
// browser accepts. Hashed assets under /_nuxt/ already get a year-long immutable cache-control from Nuxt.
const compressedAssets: Pick<NitroConfig, 'compressPublicAssets'> = {
  compressPublicAssets: { brotli: true, gzip: true },
}

// The offline base map's GeoJSON, written at build time by modules/offline-basemap.ts. Not content-hashed,
// so cached for a day rather than for ever.
const basemapAssets: Pick<NitroConfig, 'publicAssets'> = {
  publicAssets: [{ dir: BASEMAP_BUILD_DIR, baseURL: BASEMAP_BASE_URL, maxAge: 86_400 }],
}

export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
  modules: ['@nuxt/eslint', '@pinia/nuxt', '@nuxt/ui', '@nuxtjs/i18n'],
  css: ['~/assets/css/main.css'],
  // No internet at build or run time: no web fonts, icons bundled from @iconify-json/lucide.
  ui: { fonts: false },
  icon: { serverBundle: { collections: ['lucide'] }, clientBundle: { scan: true }, fallbackToApi: false, provider: 'server' },
  // English, Russian and Polish on the same URLs. The module's own detection is off: app/middleware/locale.global.ts
  // picks the signed-in user's choice, else Accept-Language, else English. Messages load per language on demand.
  i18n: {
    strategy: 'no_prefix',
    defaultLocale: 'en',
    locales: [
      { code: 'en', language: 'en', name: 'English', file: 'en.json' },
      { code: 'ru', language: 'ru', name: 'Русский', file: 'ru.json' },
      { code: 'pl', language: 'pl', name: 'Polski', file: 'pl.json' },
    ],
    detectBrowserLanguage: false,
  },
  pinia: { storesDirs: ['./stores/**'] },
  typescript: {
    strict: true,
    // The design's top-level browser folders and the Node-side tests are type-checked too.
    tsConfig: { include: ['../components/**/*', '../composables/**/*', '../stores/**/*'] },
    nodeTsConfig: {
      include: ['../tests/**/*', '../bench/**/*', '../vitest.config.ts', '../playwright.config.ts'],
      // Unit tests import browser-side modules, which use Nuxt's #shared alias.
      compilerOptions: { paths: { '#shared': ['../shared'], '#shared/*': ['../shared/*'] } },
    },
  },
  // Page chunks are fetched when a link is hovered or focused, not for every sidebar link in view: the first
  // load carries the page it shows (tests/e2e/first-load.spec.ts keeps its budget).
  experimental: { defaults: { nuxtLink: { prefetchOn: { interaction: true, visibility: false } } } },
  components: [{ path: '~~/components', pathPrefix: false }],
  imports: { dirs: ['~~/composables', '~~/stores'] },
  nitro: {
    experimental: nitroExperimental,
    ...compressedAssets,
    ...basemapAssets,
    ...migrationAssets,
  },
})
