// Pusher HTTP API: publish one event to one or more channels.
import { triggerEvent } from '../../../realtime/http-api/trigger-events'

export default defineEventHandler(event => runPusherApiCall(event, triggerEvent))
