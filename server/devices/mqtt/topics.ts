// The MQTT topic tree Lookout serves: what a device publishes, and where its commands go down.

/** Where a device message goes, read from its topic. */
export type DeviceTopic =
  | { kind: 'telemetry', uid: string }
  | { kind: 'readings', serial: string }
  | { kind: 'heartbeat', serial: string }
  | { kind: 'positions', vehicleId: number }
  | { kind: 'command-status', uid: string, commandId: number }

export const TOPIC_ROOT = 'lookout'

/** The topics Lookout listens to (as a client of an external broker). */
export const INGEST_SUBSCRIPTIONS = [
  'lookout/nodes/+/telemetry',
  'lookout/nodes/+/commands/+/status',
  'lookout/gateways/+/readings',
  'lookout/gateways/+/heartbeat',
  'lookout/vehicles/+/positions',
]

const ID = /^[1-9]\d{0,9}$/

/** The device topic `topic` names, or null when it is not one (or names an entity by an unusable id). */
export function parseDeviceTopic(topic: string): DeviceTopic | null {
  const parts = topic.split('/')
  if (parts[0] !== TOPIC_ROOT || parts.some(part => part.length === 0)) return null
  const [, family, name, leaf, commandId, status] = parts
  if (family === 'nodes' && parts.length === 4 && leaf === 'telemetry') return { kind: 'telemetry', uid: name! }
  if (family === 'nodes' && parts.length === 6 && leaf === 'commands' && status === 'status' && ID.test(commandId!)) {
    return { kind: 'command-status', uid: name!, commandId: Number(commandId) }
  }
  if (family === 'gateways' && parts.length === 4 && (leaf === 'readings' || leaf === 'heartbeat')) return { kind: leaf, serial: name! }
  if (family === 'vehicles' && parts.length === 4 && leaf === 'positions' && ID.test(name!)) return { kind: 'positions', vehicleId: Number(name) }
  return null
}

/** The topic a node's commands are published on. */
export function commandTopic(uid: string): string {
  return `${TOPIC_ROOT}/nodes/${uid}/commands`
}

/** The node uid of a command topic, or null when `topic` is not exactly one (wildcards are not). */
export function commandTopicNode(topic: string): string | null {
  const match = /^lookout\/nodes\/([^/+#]+)\/commands$/.exec(topic)
  return match ? match[1]! : null
}
