// Open sockets per client address, so one address cannot take every connection (LOOKOUT_MAX_CONNECTIONS_PER_IP).

export class AddressSlots {
  private readonly taken = new Map<string, number>()

  /** `limit` sockets per address; 0 means no limit. */
  constructor(private readonly limit: number) {}

  /**
   * Takes a slot for `address`: returns the function that gives it back (calling it again does
   * nothing), or null when the address already holds `limit` slots.
   */
  acquire(address: string): (() => void) | null {
    const count = this.taken.get(address) ?? 0
    if (this.limit > 0 && count >= this.limit) return null
    this.taken.set(address, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.taken.get(address) ?? 1) - 1
      if (left > 0) this.taken.set(address, left)
      else this.taken.delete(address)
    }
  }

  /** Slots `address` holds now. */
  count(address: string): number {
    return this.taken.get(address) ?? 0
  }

  /** Addresses holding at least one slot (the map never keeps an address at zero). */
  get addresses(): number {
    return this.taken.size
  }
}
