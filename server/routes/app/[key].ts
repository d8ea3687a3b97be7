// WebSocket endpoint /app/{key}, Pusher's path: every payload exactly as published.
import { pusherSocketHandler } from '../../utils/pusher-socket'

export default pusherSocketHandler(false)
