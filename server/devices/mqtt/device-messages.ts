// Turns a device's MQTT message into the domain ingest call the matching HTTP ingest route makes: the same
// service and the same validated input, with the entity taken from the topic.
import type { z } from 'zod'
import { commandStatusReport } from '../../domain/commands/command-schema'
import { reportCommandStatus } from '../../domain/commands/report-command-status'
import { ingestHeartbeat } from '../../domain/gateways/ingest-heartbeat'
import { ingestReadings } from '../../domain/gateways/ingest-readings'
import { heartbeatIngestSchema, readingsIngestSchema } from '../../domain/gateways/readings-schema'
import { ingestPositions } from '../../domain/vehicles/ingest-positions'
import { positionsIngestSchema } from '../../domain/vehicles/position-schema'
import { ingestTelemetry } from '../../domain/zones/telemetry-ingest'
import { telemetryInput } from '../../domain/zones/telemetry-schema'
import type { Ingest } from '../../ingest/run-ingest'
import type { Decoded } from './message-body'
import { decodeJson, isObject, refuse } from './message-body'
import { telemetryBody } from './telemetry-payload'
import type { DeviceTopic } from './topics'

/** A domain ingest call ready to run: the service and its validated input. */
export interface IngestCall {
  ingest: Ingest<never, unknown>
  input: unknown
}

/** The ingest call for a message published on `topic`, or the refusal naming the wrong field. */
export function ingestCallFor(topic: DeviceTopic, payload: Uint8Array): Decoded<IngestCall> {
  // A heartbeat says only that the gateway is alive: whatever it carries is not read.
  if (topic.kind === 'heartbeat') return validated(heartbeatIngestSchema, { gateway: topic.serial }, ingestHeartbeat)
  const decoded = decodeJson(payload)
  if (!decoded.ok) return decoded
  const body = decoded.value
  switch (topic.kind) {
    case 'telemetry': {
      const converted = telemetryBody(topic.uid, body)
      return converted.ok ? validated(telemetryInput, converted.value, ingestTelemetry) : converted
    }
    case 'readings':
      if (!isObject(body)) return refuse('payload', 'a JSON object {"readings": [...]}')
      if (body.gateway !== undefined && body.gateway !== topic.serial) return refuse('gateway', `must be the topic's gateway "${topic.serial}" or left out`)
      return validated(readingsIngestSchema, { gateway: topic.serial, readings: body.readings }, ingestReadings)
    case 'positions':
      return positionsCall(topic.vehicleId, body)
    case 'command-status': {
      const { commandId } = topic
      return validated(commandStatusReport, body, (ctx, tx, tenantId, report) => reportCommandStatus(ctx, tx, tenantId, commandId, report))
    }
  }
}

/** One position or `{"positions": [...]}`, each of the topic's vehicle (a `vehicleId` in the body must match). */
function positionsCall(vehicleId: number, body: unknown): Decoded<IngestCall> {
  if (!isObject(body)) return refuse('payload', 'a JSON object: one position or {"positions": [...]}')
  const list = Array.isArray(body.positions) ? body.positions : null
  const entries = list ?? [body]
  for (const [index, entry] of entries.entries()) {
    if (isObject(entry) && entry.vehicleId !== undefined && entry.vehicleId !== vehicleId) {
      return refuse(list ? `positions.${index}.vehicleId` : 'vehicleId', `must be the topic's vehicle ${vehicleId} or left out`)
    }
  }
  const withVehicle = (entry: unknown) => isObject(entry) ? { ...entry, vehicleId } : entry
  return validated(positionsIngestSchema, list ? { positions: list.map(withVehicle) } : withVehicle(body), ingestPositions)
}

/** `input` checked by the HTTP route's schema; an invalid one is refused naming the field, as the route's 422 does. */
function validated<S extends z.ZodType>(schema: S, input: unknown, ingest: Ingest<z.infer<S>, unknown>): Decoded<IngestCall> {
  const result = schema.safeParse(input)
  if (!result.success) {
    const issue = result.error.issues[0]!
    return refuse(issue.path.join('.') || 'payload', issue.message)
  }
  return { ok: true, value: { ingest: ingest as Ingest<never, unknown>, input: result.data } }
}
