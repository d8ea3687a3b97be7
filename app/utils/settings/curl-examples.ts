// Copy-ready curl commands for a new API token, filled in with this server's address and real equipment.

export interface CurlTargets {
  /** This server's origin, e.g. `https://lookout.example.com`. */
  origin: string
  token: string
  /** A node uid of the tenant (a placeholder when it has none yet). */
  nodeUid: string | null
  gatewaySerial: string | null
  vehicleId: number | null
}

export interface CurlExample {
  /** Catalogue key of its title (namespace `settings.tokens.examples`). */
  titleKey: string
  command: string
}

function post(origin: string, token: string, path: string, key: string, body: unknown): string {
  return [
    `curl -X POST ${origin}${path}`,
    `  -H 'Authorization: Bearer ${token}'`,
    `  -H 'Content-Type: application/json'`,
    `  -H 'Idempotency-Key: ${key}'`,
    `  -d '${JSON.stringify(body)}'`,
  ].join(' \\\n')
}

/** Telemetry, readings and positions examples; single quotes are safe because the bodies hold none. */
export function curlExamples(targets: CurlTargets): CurlExample[] {
  const { origin, token } = targets
  const node = targets.nodeUid ?? 'your-node-uid'
  const serial = targets.gatewaySerial ?? 'your-gateway-serial'
  return [
    { titleKey: 'settings.tokens.examples.telemetry', command: post(origin, token, '/api/ingest/telemetry', `${node}-0001`, { device: node, samples: [{ metric: 'temperature', value: 21.5 }] }) },
    { titleKey: 'settings.tokens.examples.readings', command: post(origin, token, '/api/ingest/readings', `${serial}-0001`, { gateway: serial, readings: [{ register: 40001, value: 12.3 }] }) },
    { titleKey: 'settings.tokens.examples.position', command: post(origin, token, '/api/ingest/positions', `vehicle-${targets.vehicleId ?? 1}-0001`, { vehicleId: targets.vehicleId ?? 1, lat: 52.37, lon: 4.89, speed: 42 }) },
  ]
}
