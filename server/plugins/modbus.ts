// Starts the Modbus TCP poller once the database is ready (MODBUS_POLLING=off leaves it out); with REDIS_URL the
// nodes share the gateways through leases in Redis. Polls starting together load their plans
// together, polls finishing together are recorded in one transaction. Stops with the server.
import { randomBytes } from 'node:crypto'
import Redis from 'ioredis'
import { ConcurrencyGate } from '../devices/modbus/concurrency-gate'
import { countedPolls } from '../devices/modbus/counted-polls'
import { redisLease, soleLease } from '../devices/modbus/gateway-lease'
import { ModbusPoller } from '../devices/modbus/modbus-poller'
import { PlanLoader } from '../devices/modbus/plan-loader'
import { PollGroupCommit } from '../devices/modbus/poll-group-commit'
import { modbusGatewayIds, modbusGatewayPlans } from '../domain/gateways/modbus-gateways'

export default defineNitroPlugin((nitroApp) => {
  let settings
  try {
    settings = useModbusSettings()
  }
  catch (error) {
    console.error(`[lookout] configuration error: ${(error as Error).message}`)
    process.exit(1)
  }
  if (!settings.polling) return
  const redis = process.env.REDIS_URL
    ? new Redis(process.env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'lookout-modbus' })
    : null
  redis?.on('error', () => {})
  const plans = new PlanLoader(async gatewayIds => modbusGatewayPlans(await useDatabase(), gatewayIds))
  const polls = new PollGroupCommit(useDomain)
  const poller = new ModbusPoller({
    listGateways: async () => modbusGatewayIds(await useDatabase()),
    loadPlan: gatewayId => plans.load(gatewayId),
    record: countedPolls(report => polls.record(report)),
    allowList: settings.allowList,
    gate: new ConcurrencyGate(settings.concurrency),
    lease: redis ? redisLease(redis, `${process.pid}-${randomBytes(6).toString('hex')}`) : soleLease,
    log: message => console.warn(`[lookout] ${message}`),
    refreshMs: settings.refreshMs,
    backoff: settings.backoff,
  })
  let closed = false
  useDatabase().then(() => {
    if (closed) return
    poller.start()
    console.log(`[lookout] modbus: polling Modbus TCP gateways${redis ? ' (one node per gateway, leases in Redis)' : ''}; allowed hosts: ${settings.allowList.any ? 'any' : settings.allowList.description}`)
  }, () => {})
  nitroApp.hooks.hook('close', async () => {
    closed = true
    poller.stop()
    await redis?.quit().catch(() => {})
  })
})
