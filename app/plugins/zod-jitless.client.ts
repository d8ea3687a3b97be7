// Zod compiles object parsers with `new Function` unless told not to, and probes for it first; under Lookout's
// Content-Security-Policy (no 'unsafe-eval') even that caught probe is reported as a violation. Zod reads this
// global config object when it loads. It is set when this module is evaluated, with the entry bundle and before
// any plugin runs (the router plugin already loads the first page's chunks, and with them zod), yet without
// pulling zod itself into the entry bundle.
const global = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
global.__zod_globalConfig ??= {}
global.__zod_globalConfig.jitless = true

export default defineNuxtPlugin({ name: 'zod-jitless' })
