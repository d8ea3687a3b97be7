// Starts MQTT as configured: the embedded broker (MQTT_PORT, through Redis with REDIS_URL) or a client of an
// external broker (MQTT_URL), each with the command dispatcher that hands queued commands to MQTT nodes.
import type { DomainContext } from '../../domain/context'
import { clusterBrokerOptions } from './broker-cluster'
import { CommandDispatcher } from './command-dispatcher'
import { startEmbeddedBroker } from './embedded-broker'
import { connectExternalBroker } from './external-client'
import type { MqttSettings } from './mqtt-settings'
import type { RunningMqtt } from './running-mqtt'

/** Starts what `settings` ask for, or returns null when MQTT is off. */
export async function startMqtt(settings: MqttSettings, domain: () => Promise<DomainContext>, redisUrl: string | undefined): Promise<RunningMqtt | null> {
  let dispatcher: CommandDispatcher | null = null
  const nudge = () => dispatcher?.nudge()
  if (settings.port !== null) {
    const broker = await startEmbeddedBroker(settings, domain, redisUrl ? await clusterBrokerOptions(redisUrl) : {}, nudge)
    dispatcher = new CommandDispatcher(domain, broker.transport, settings.commandPollMs)
    dispatcher.start()
    return {
      description: `embedded MQTT 3.1.1 broker on port ${broker.port}${redisUrl ? ', sessions and routing through Redis' : ''}`,
      port: broker.port,
      revoke: broker.revoke,
      stop: async () => {
        dispatcher!.stop()
        await broker.close()
      },
    }
  }
  if (!settings.url) return null
  const link = await connectExternalBroker(settings, domain, nudge)
  dispatcher = new CommandDispatcher(domain, link.transport, settings.commandPollMs)
  dispatcher.start()
  return {
    description: `client of the MQTT broker at ${redactedUrl(settings.url)}`,
    port: null,
    // Devices log in to the external broker with its own credentials, not Lookout's tokens.
    revoke: () => 0,
    stop: async () => {
      dispatcher!.stop()
      await link.close()
    },
  }
}

/** The URL without its password, for the log. */
function redactedUrl(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}
