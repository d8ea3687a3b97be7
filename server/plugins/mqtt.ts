// Starts MQTT (embedded broker on MQTT_PORT, or a client of MQTT_URL) once the database is ready.
import { deviceRevocationOf } from '../devices/mqtt/device-revocations'
import { mqttSettings } from '../devices/mqtt/mqtt-settings'
import type { RunningMqtt } from '../devices/mqtt/running-mqtt'
import { startMqtt } from '../devices/mqtt/start-mqtt'
import { setRunningMqtt } from '../utils/mqtt'

export default defineNitroPlugin((nitroApp) => {
  let settings
  try {
    settings = mqttSettings(process.env)
  }
  catch (error) {
    console.error(`[lookout] configuration error: ${(error as Error).message}`)
    process.exit(1)
  }
  if (settings.port === null && !settings.url) return
  let running: RunningMqtt | null = null
  let stopHearing = () => {}
  let closed = false
  const started = useDatabase().then(() => startMqtt(settings, useDomain, process.env.REDIS_URL)).then(async (mqtt) => {
    running = mqtt
    if (closed) return mqtt?.stop()
    if (!mqtt) return
    setRunningMqtt(mqtt)
    // A revoked token or a disabled user (here or on another node) ends its devices' sessions on this node.
    const lookout = useRealtimeApp()
    stopHearing = useRealtimeEngine().onRevocation((app, revoked) => {
      const revocation = app === lookout ? deviceRevocationOf(revoked) : null
      if (revocation) mqtt.revoke(revocation)
    })
    console.log(`[lookout] mqtt: ${mqtt.description}`)
  }, (error: Error) => {
    console.error(`[lookout] mqtt could not start: ${error.message}`)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', async () => {
    closed = true
    stopHearing()
    await started
    await (running as RunningMqtt | null)?.stop()
  })
})
