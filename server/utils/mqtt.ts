// The process's running MQTT adapter, for what else needs it (the simulator's devices connect to its port).
import type { RunningMqtt } from '../devices/mqtt/running-mqtt'

let running: RunningMqtt | null = null
const waiting: Array<(mqtt: RunningMqtt) => void> = []

/** Records the adapter once it runs. */
export function setRunningMqtt(mqtt: RunningMqtt): void {
  running = mqtt
  for (const resolve of waiting.splice(0)) resolve(mqtt)
}

/** The adapter once it runs (never resolves while MQTT is off: ask only when MQTT_PORT or MQTT_URL is set). */
export function runningMqtt(): Promise<RunningMqtt> {
  return running ? Promise.resolve(running) : new Promise(resolve => waiting.push(resolve))
}
