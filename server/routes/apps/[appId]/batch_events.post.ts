// Pusher HTTP API: publish a batch of events.
import { triggerBatch } from '../../../realtime/http-api/trigger-events'

export default defineEventHandler(event => runPusherApiCall(event, triggerBatch))
