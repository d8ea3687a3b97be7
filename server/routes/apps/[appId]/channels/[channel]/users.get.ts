// Pusher HTTP API: members of a presence channel.
import { channelUsers } from '../../../../../realtime/http-api/channel-queries'

export default defineEventHandler(event => runPusherApiCall(event, (_engine, state) =>
  channelUsers(state, getRouterParam(event, 'channel', { decode: true }) ?? '')))
