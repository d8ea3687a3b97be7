import { describe, expect, it } from 'vitest'
import { desc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { activityEvents } from '../../../../../server/db/schema'
import { createToken, revokeToken } from '../../../../../server/domain/users/token-admin'
import type { ActivityEventPayload } from '../../../../../shared/events'
import { testContext } from '../domain-context'
import { demoActor, useDemoDatabase } from '../../test-database'

let handle: DatabaseHandle

useDemoDatabase((demo) => {
  handle = demo.handle
})

const lastActivity = async (tenantId: number) => (await handle.db.select().from(activityEvents).where(eq(activityEvents.tenantId, tenantId)).orderBy(desc(activityEvents.id)).limit(1))[0]!

describe('token activity messages', () => {
  it('stores token.created and token.revoked as codes with the actor and token name, beside the English text', async () => {
    const ctx = testContext(handle)
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const token = await createToken(ctx, admin, { name: 'nodes', abilities: ['ingest'] })
    expect(await lastActivity(admin.user.tenantId)).toMatchObject({
      kind: 'token.created', messageCode: 'messages.activity.tokenCreated',
      messageParams: { actor: admin.user.name, name: 'nodes', abilities: 'ingest', owner: admin.user.name },
      message: `${admin.user.name} created API token "nodes" (ingest) for ${admin.user.name}`,
    })
    await revokeToken(ctx, admin, token.id)
    expect(await lastActivity(admin.user.tenantId)).toMatchObject({
      kind: 'token.revoked', messageCode: 'messages.activity.tokenRevoked', messageParams: { actor: admin.user.name, name: 'nodes' },
      message: `${admin.user.name} revoked API token "nodes"`,
    })
    const sent = ctx.broadcaster.of('event.created').at(-1)!.payload as ActivityEventPayload
    expect(sent).toMatchObject({ kind: 'token.revoked', message: `${admin.user.name} revoked API token "nodes"`, messageCode: 'messages.activity.tokenRevoked' })
  })
})
