// Backpressure on the embedded broker's clients. aedes hands every packet of a socket read to authorizePublish at
// once and reads again when new bytes arrive even while those packets wait (each 'readable' event counts as a
// packet done), so a late PUBACK alone does not slow a device down: under overload every message would be read,
// parsed and kept waiting in memory. A client held here is paused (aedes reads nothing more from its socket, so
// its next messages stay in the kernel's buffers and the device's own memory) until its held messages are handled.
import type { Client } from 'aedes'

/** aedes' Client members used here: public methods its types leave out, and its count of packets in progress. */
interface PausableClient {
  pause: () => void
  resume: () => void
  _parsingBatch: number
}

export class ReadPacing {
  private readonly held = new Map<Client, number>()

  /** Clients paused now. */
  get paused(): number {
    return this.held.size
  }

  /** Reads nothing more from `client` until `handled` (and every other message held for it) has settled. */
  hold(client: Client, handled: Promise<unknown>): void {
    const count = this.held.get(client) ?? 0
    if (count === 0) (client as unknown as PausableClient).pause()
    this.held.set(client, count + 1)
    const release = () => {
      const left = this.held.get(client)! - 1
      if (left > 0) return void this.held.set(client, left)
      this.held.delete(client)
      resumeReading(client as unknown as PausableClient)
    }
    handled.then(release, release)
  }
}

/**
 * Reads `client` again. Packets finished while it was paused were not counted down (aedes returns early when
 * paused), so its count is reset to one packet in progress, which resume() then counts done and reads.
 */
function resumeReading(client: PausableClient): void {
  client._parsingBatch = 1
  client.resume()
}
