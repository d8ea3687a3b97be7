// The query of GET /api/tenants/{t}/alerts: paging plus optional status and severity filters.
import { z } from 'zod'
import { pageQuery } from '../../utils/paging'

export const alertListQuery = pageQuery.extend({
  /** 'open' means active or acknowledged: what still needs someone. */
  status: z.enum(['active', 'acknowledged', 'resolved', 'open']).optional(),
  severity: z.enum(['info', 'warning', 'critical']).optional(),
})

export type AlertListQuery = z.infer<typeof alertListQuery>
