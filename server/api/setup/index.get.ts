// Whether the installation still needs its first tenant and admin: the pages redirect to /setup while it does.
import type { SetupState } from '../../../shared/settings'
import { setupNeeded } from '../../domain/tenants/first-run'

export default defineEventHandler(async (): Promise<SetupState> => ({ needed: await setupNeeded(await useDatabase()) }))
