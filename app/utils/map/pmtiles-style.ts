// The street-level base from the operator's PMTiles archive (MAP_PMTILES, served by Lookout), styled with
// Protomaps' light or dark flavour. Its text and icon layers are left out: they need glyphs and sprites, which
// Lookout does not ship, and fetching them from outside is what an offline map must not do.
import { layers, namedFlavor } from '@protomaps/basemaps'
import type { StyleSpecification } from 'maplibre-gl'
import { Protocol } from 'pmtiles'

/** Source id of the archive in the style. */
export const PMTILES_SOURCE = 'protomaps'

let protocol: Protocol | null = null

/** The `pmtiles://` protocol's tile loader, made once per page. */
export function pmtilesProtocol(): Protocol {
  protocol ??= new Protocol()
  return protocol
}

/** The style for the archive at `archiveUrl` (absolute), for a light or dark page. */
export function pmtilesStyle(dark: boolean, archiveUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      [PMTILES_SOURCE]: { type: 'vector', url: `pmtiles://${archiveUrl}`, attribution: '© <a href="https://openstreetmap.org/copyright">OpenStreetMap</a>' },
    },
    // Without `lang`, Protomaps' layers() gives only the geometry layers (no text, no icons).
    layers: layers(PMTILES_SOURCE, namedFlavor(dark ? 'dark' : 'light')),
  }
}
