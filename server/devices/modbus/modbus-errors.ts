// Names what went wrong in a Modbus read as precisely as the wire tells: refused, timed out, closed, an exception code.
import type { ModbusReadError } from '../../../shared/modbus'

/** Exception codes of the Modbus application protocol and their names. */
export const EXCEPTION_NAMES: Record<number, string> = {
  1: 'Illegal Function', 2: 'Illegal Data Address', 3: 'Illegal Data Value', 4: 'Server Device Failure', 5: 'Acknowledge',
  6: 'Server Device Busy', 8: 'Memory Parity Error', 10: 'Gateway Path Unavailable', 11: 'Gateway Target Device Failed to Respond',
}

/** A read error that carries its classification (thrown by the link, caught by the poller and the test). */
export class ModbusFailure extends Error {
  constructor(readonly detail: ModbusReadError) {
    super(detail.message)
  }
}

/** The exception response `code` as a read error. */
export function exceptionError(code: number): ModbusReadError {
  const name = EXCEPTION_NAMES[code] ?? 'Unknown Exception'
  return { kind: 'exception', message: `Modbus exception ${code} (${name})`, exceptionCode: code, exceptionName: name }
}

/** Classifies an error of a socket or of modbus-serial. */
export function classifyError(error: unknown, target: string, timeoutMs: number): ModbusReadError {
  if (error instanceof ModbusFailure) return error.detail
  const failure = error as { code?: string, errno?: string | number, modbusCode?: number, message?: string, name?: string }
  if (typeof failure.modbusCode === 'number') return exceptionError(failure.modbusCode)
  const code = failure.code ?? (typeof failure.errno === 'string' ? failure.errno : undefined)
  if (code === 'ECONNREFUSED') return { kind: 'connection-refused', message: `connection refused by ${target}` }
  if (code === 'ETIMEDOUT' || failure.name === 'TransactionTimedOutError') return { kind: 'timeout', message: `no answer from ${target} within ${timeoutMs} ms` }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return { kind: 'connection-closed', message: `connection to ${target} was reset` }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'unreachable', message: `${target} cannot be reached (${code})` }
  return { kind: 'bad-response', message: `bad answer from ${target}: ${failure.message ?? String(error)}` }
}
