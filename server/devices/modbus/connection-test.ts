// "Test connection": connects once and reads every data point once, answering each value or its precise error;
// stores nothing and leaves no connection open.
import type { ConnectionTestResult, ModbusTcpConnection } from '../../../shared/modbus'
import type { PollTargetPoint } from '../../domain/gateways/modbus-gateways'
import type { HostAllowList } from './host-allow-list'
import { ModbusLink } from './modbus-link'
import { classifyError } from './modbus-errors'
import { readPoints } from './read-points'

/** Reads `points` of gateway `gatewayId` over `connection` once. */
export async function testConnection(gatewayId: number, connection: ModbusTcpConnection, points: PollTargetPoint[], allowList: HostAllowList): Promise<ConnectionTestResult> {
  const started = performance.now()
  const link = new ModbusLink(connection, allowList)
  const base = { gatewayId, host: connection.host, port: connection.port, unitId: connection.unitId }
  const describe = (point: PollTargetPoint) => ({ dataPointId: point.id, label: point.label, function: point.function, register: point.register })
  try {
    await link.connect()
  }
  catch (error) {
    const detail = classifyError(error, link.label, connection.timeoutMs)
    link.close()
    return { ...base, connected: false, error: detail, durationMs: Math.round(performance.now() - started), points: points.map(point => ({ ...describe(point), value: null, error: detail })) }
  }
  try {
    const read = await readPoints(link, points)
    const outcomes = new Map(read.outcomes.map(outcome => [outcome.id, outcome]))
    return {
      ...base, connected: true, error: null, durationMs: Math.round(performance.now() - started),
      points: points.map(point => ({ ...describe(point), value: outcomes.get(point.id)!.value, error: outcomes.get(point.id)!.error })),
    }
  }
  finally {
    link.close()
  }
}
