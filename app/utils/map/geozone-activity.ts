// Which activity on private-tenant.{t}.events changes the tenant's geozones. Vehicles entering and leaving
// geozones are activity too (`geozone.entered`, `geozone.exited`), hundreds a second with a large fleet, and
// change no geozone: reloading on those would refetch the list and redraw the map for nothing.

/** Activity kinds written when someone creates, changes or deletes a geozone. */
const GEOZONE_CHANGES: ReadonlySet<string> = new Set(['geozone.created', 'geozone.updated', 'geozone.deleted'])

/** True when an activity event of `kind` means the geozones must be reloaded. */
export function changesGeozones(kind: string): boolean {
  return GEOZONE_CHANGES.has(kind)
}
