// Pusher HTTP API: close every connection of a user.
import { terminateConnections } from '../../../../../realtime/http-api/terminate-connections'

export default defineEventHandler(event => runPusherApiCall(event, (engine, state) =>
  terminateConnections(engine, state, getRouterParam(event, 'userId', { decode: true }) ?? '')))
