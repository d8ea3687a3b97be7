// Pusher HTTP API: one channel's state.
import { channelInfo } from '../../../../../realtime/http-api/channel-queries'

export default defineEventHandler(event => runPusherApiCall(event, (_engine, state, request) =>
  channelInfo(state, getRouterParam(event, 'channel', { decode: true }) ?? '', request)))
