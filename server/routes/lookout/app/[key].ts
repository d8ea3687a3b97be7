// WebSocket endpoint /lookout/app/{key} (pusher-js `wsPath: '/lookout'`): events carry offsets and send times.
import { pusherSocketHandler } from '../../../utils/pusher-socket'

export default pusherSocketHandler(true)
