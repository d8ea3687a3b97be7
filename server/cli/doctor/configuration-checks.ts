// Checks of the environment alone: names, secrets in production, allowed origins against the URL browsers use.
import { loadEngineConfig } from '../../realtime/app-config'
import { isOriginAllowed } from '../../realtime/origin'
import { loadWebhookSettings } from '../../realtime/webhooks/webhook-config'
import type { CheckResult } from './check-result'
import { fail, pass, warn } from './check-result'
import type { DoctorTarget } from './doctor-target'
import { closestKnownVariable as closest } from './closest-variable'
import { KNOWN_VARIABLES, OWN_PREFIXES } from './known-variables'

// The app secret older releases shipped as a default: anyone could sign subscriptions with it.
const FORMERLY_PUBLISHED_SECRET = 'lookout-development-secret'

/** Every configuration check, in the order they are printed. */
export function configurationChecks(target: DoctorTarget): CheckResult[] {
  return [settingsLoad(target), variableNames(target), productionSecrets(target), publicUrl(target), allowedOrigins(target), webhookSettings(target)]
}

function settingsLoad({ env }: DoctorTarget): CheckResult {
  try {
    loadEngineConfig(env)
    return pass('configuration', 'the realtime settings load as the server reads them')
  }
  catch (error) {
    return fail('configuration', (error as Error).message, 'correct that variable (see the Configuration table in README.md) and restart the server')
  }
}

function variableNames({ env }: DoctorTarget): CheckResult {
  const known = new Set<string>(KNOWN_VARIABLES)
  const unknown = Object.keys(env).filter(name => OWN_PREFIXES.some(prefix => name.startsWith(prefix)) && !known.has(name)).sort()
  if (unknown.length === 0) return pass('variable names', 'every REVERB_* and LOOKOUT_* variable is one the server reads')
  const guesses = unknown.map(name => `${name}${closest(name) ? ` (did you mean ${closest(name)}?)` : ''}`)
  return warn('variable names', `the server ignores ${guesses.join(', ')}`, 'rename or remove these variables; the server does not read them')
}

function productionSecrets({ env }: DoctorTarget): CheckResult {
  const production = env.APP_ENV === 'production'
  const missing = ['REVERB_APP_ID', 'REVERB_APP_KEY', 'REVERB_APP_SECRET', 'SESSION_SECRET'].filter(name => !env[name])
  if (env.SESSION_SECRET && env.SESSION_SECRET.length < 32) return fail('secrets', 'SESSION_SECRET is shorter than 32 characters', 'set SESSION_SECRET to a random string of at least 32 characters (openssl rand -hex 32)')
  if (production && missing.length > 0) return fail('secrets', `APP_ENV=production but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`, 'set them: the server refuses to start in production without them')
  if (production && env.REVERB_APP_SECRET === FORMERLY_PUBLISHED_SECRET) return fail('secrets', 'APP_ENV=production uses the formerly published development secret', 'set REVERB_APP_SECRET to a random string (openssl rand -hex 32) here and in the applications that publish')
  if (!production && missing.length > 0) return warn('secrets', `not set: ${missing.join(', ')} (development: the server generates the secrets into DATA_DIR)`, 'fine on a workstation; set them (and APP_ENV=production) before exposing the server')
  return pass('secrets', production ? 'production credentials and session secret are set' : 'credentials and session secret are set')
}

function publicUrl({ env, publicUrl, serverUrl }: DoctorTarget): CheckResult {
  if (!env.LOOKOUT_URL) return pass('LOOKOUT_URL', `not set: checking the server on this machine, ${serverUrl}`)
  if (!URL.canParse(env.LOOKOUT_URL) || !/^https?:$/.test(new URL(env.LOOKOUT_URL).protocol)) {
    return fail('LOOKOUT_URL', `"${env.LOOKOUT_URL}" is not an http(s) URL`, 'set LOOKOUT_URL to the address browsers open, e.g. https://lookout.example.com')
  }
  return pass('LOOKOUT_URL', `browsers reach Lookout at ${publicUrl.origin}`)
}

function allowedOrigins({ engine, publicUrl }: DoctorTarget): CheckResult {
  if (!engine) return fail('allowed origins', 'cannot be checked while the configuration does not load', 'fix the configuration line above first')
  const allowed = engine.apps[0]!.allowedOrigins
  if (allowed.length === 0) return pass('allowed origins', `REVERB_ALLOWED_ORIGINS unset: pages served from the host they connect to (${publicUrl.hostname}) may open sockets`)
  if (isOriginAllowed(allowed, publicUrl.origin, publicUrl.host)) return pass('allowed origins', `pages at ${publicUrl.origin} may open sockets`)
  return fail('allowed origins', `pages at ${publicUrl.origin} may not open sockets: REVERB_ALLOWED_ORIGINS is "${allowed.join(',')}"`, `add ${publicUrl.hostname} to REVERB_ALLOWED_ORIGINS (comma-separated hostnames) and restart the server`)
}

function webhookSettings({ env }: DoctorTarget): CheckResult {
  try {
    const { receivers, batchMs } = loadWebhookSettings(env)
    return pass('webhook settings', receivers.length === 0 ? 'no receivers configured' : `${receivers.length} receiver(s), ${batchMs > 0 ? `batched every ${batchMs} ms` : 'sent as they happen'}`)
  }
  catch (error) {
    return fail('webhook settings', (error as Error).message, 'correct LOOKOUT_WEBHOOKS (a JSON array of {"url", "event_types", "filter"?, "headers"?}) and restart the server')
  }
}
