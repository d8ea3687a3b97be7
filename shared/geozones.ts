// Geozones as stored ([lon, lat] polygons and metre circles) and as the geozone API returns them.

export type LonLat = [number, number]

export type GeozoneShape =
  | { kind: 'polygon', ring: LonLat[] }
  | { kind: 'circle', center: LonLat, radiusMeters: number }

export interface GeozonePayload {
  id: number
  tenantId: number
  name: string
  shape: GeozoneShape
  color: string
  createdAt: string
}
