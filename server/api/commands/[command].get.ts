// One command with its transitions; guarded like the tenant's commands list.
import { authorizeCommand, commandDetail } from '../../domain/commands/command-detail'

export default defineEventHandler(async (event) => {
  const commandId = idParam(event, 'command')
  const db = await useDatabase()
  enforce(await authorizeCommand(db, await useActor(event), commandId))
  return { data: (await commandDetail(db, commandId))! }
})
