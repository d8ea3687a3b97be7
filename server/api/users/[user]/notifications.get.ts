// A user's own notifications, newest first, in their language; guarded like private-user.{u}.
import { and, desc, eq, lt } from 'drizzle-orm'
import { notifications } from '../../../db/schema'
import { authorizeOwnUser } from '../../../domain/policies'
import { notificationFor } from '../../../i18n/reader-texts'

export default defineEventHandler(async (event) => {
  const userId = idParam(event, 'user')
  enforce(authorizeOwnUser(await useActor(event), userId))
  const query = validQuery(event, pageQuery)
  const rows = await (await useDatabase()).select().from(notifications)
    .where(and(eq(notifications.userId, userId), query.before ? lt(notifications.id, query.before) : undefined))
    .orderBy(desc(notifications.id)).limit(query.limit)
  const locale = await useReaderLocale(event)
  return page(rows.map(row => notificationFor(locale, row)), query)
})
