// The MQTT topic tree: device topics parsed into their entity, anything else refused; exact command topics only.
import { describe, expect, it } from 'vitest'
import { commandTopic, commandTopicNode, parseDeviceTopic } from '../../../../../server/devices/mqtt/topics'

describe('parseDeviceTopic', () => {
  it.each([
    ['lookout/nodes/gh-1/telemetry', { kind: 'telemetry', uid: 'gh-1' }],
    ['lookout/nodes/gh-1/commands/42/status', { kind: 'command-status', uid: 'gh-1', commandId: 42 }],
    ['lookout/gateways/RUT-9/readings', { kind: 'readings', serial: 'RUT-9' }],
    ['lookout/gateways/RUT-9/heartbeat', { kind: 'heartbeat', serial: 'RUT-9' }],
    ['lookout/vehicles/3/positions', { kind: 'positions', vehicleId: 3 }],
  ])('reads %s', (topic, expected) => {
    expect(parseDeviceTopic(topic)).toEqual(expected)
  })

  it.each([
    'lookout/nodes/gh-1/commands', 'lookout/nodes//telemetry', 'lookout/nodes/gh-1/telemetry/extra', 'other/nodes/gh-1/telemetry',
    'lookout/vehicles/0/positions', 'lookout/vehicles/x/positions', 'lookout/vehicles/99999999999/positions', 'lookout/nodes/gh-1/commands/01/status',
  ])('refuses %s', (topic) => {
    expect(parseDeviceTopic(topic)).toBeNull()
  })
})

describe('command topics', () => {
  it('names the node of an exact command topic and nothing with wildcards', () => {
    expect(commandTopicNode(commandTopic('gh-1'))).toBe('gh-1')
    expect(commandTopicNode('lookout/nodes/+/commands')).toBeNull()
    expect(commandTopicNode('lookout/nodes/#')).toBeNull()
    expect(commandTopicNode('lookout/nodes/gh-1/commands/#')).toBeNull()
  })
})
