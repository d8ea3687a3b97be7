// Lookout extension of the HTTP API: a channel's kept events after an offset, for server-side consumers.
import { channelEvents } from '../../../../../realtime/http-api/channel-queries'

export default defineEventHandler(event => runPusherApiCall(event, (_engine, state, request) =>
  channelEvents(state, getRouterParam(event, 'channel', { decode: true }) ?? '', request)))
