// The node, gateway or vehicle a device topic is about: what topic access is decided on.
import type { DeviceEntity } from '../../domain/device-ownership'
import type { DeviceTopic } from './topics'

/** The entity `topic` publishes for. */
export function entityOf(topic: DeviceTopic): DeviceEntity {
  switch (topic.kind) {
    case 'telemetry':
    case 'command-status':
      return { kind: 'node', uid: topic.uid }
    case 'readings':
    case 'heartbeat':
      return { kind: 'gateway', serial: topic.serial }
    case 'positions':
      return { kind: 'vehicle', id: topic.vehicleId }
  }
}

/** A cache key for `entity`. */
export function entityKey(entity: DeviceEntity): string {
  return entity.kind === 'node' ? `node:${entity.uid}` : entity.kind === 'gateway' ? `gateway:${entity.serial}` : `vehicle:${entity.id}`
}
