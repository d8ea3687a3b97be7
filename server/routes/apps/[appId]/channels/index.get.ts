// Pusher HTTP API: occupied channels.
import { listChannels } from '../../../../realtime/http-api/channel-queries'

export default defineEventHandler(event => runPusherApiCall(event, (_engine, state, request) => listChannels(state, request)))
