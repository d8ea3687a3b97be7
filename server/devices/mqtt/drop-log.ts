// Logs dropped and refused MQTT messages with their topic and reason, at most 20 lines per sender a minute
// (a flooding device must not flood the log too; the counters in /metrics keep counting everything).
import { FixedWindowLimiter } from '../../auth/fixed-window-limiter'

const limiter = new FixedWindowLimiter(20)

/** Logs `line` about `sender` (a client id or topic), unless that sender already had its share this minute. */
export function logDrop(sender: string, line: string): void {
  if (limiter.hit(sender).allowed) console.warn(`[lookout] mqtt: ${line}`)
}
