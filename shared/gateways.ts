// A gateway's data point as the gateway API returns it, read by the gateway page.
import type { Quality } from './events'

export interface DataPointView {
  id: number
  gatewayId: number
  register: number
  scale: number
  unit: string
  label: string
  group: string
  lastValue: number | null
  lastQuality: Quality | null
  lastReadAt: string | null
}
