// aedes-persistence-redis ships no types: its promise-based persistence class, as aedes 1.x uses it.
declare module 'aedes-persistence-redis/asyncPersistence.js' {
  import type { AedesOptions } from 'aedes'

  const AsyncRedisPersistence: new (options: { conn?: unknown }) => NonNullable<AedesOptions['persistence']>
  export default AsyncRedisPersistence
}
