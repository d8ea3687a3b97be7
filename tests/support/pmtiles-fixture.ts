// A small PMTiles v3 archive written by hand from the specification (github.com/protomaps/PMTiles, spec/v3):
// a 127-byte header, an uncompressed root directory, JSON metadata and the tiles' bytes.

/** The tiles the fixture holds, by "z/x/y", and their bytes. */
export const FIXTURE_TILES: Record<string, Uint8Array> = {
  '0/0/0': new TextEncoder().encode('tile zero, the whole world'),
  '1/0/0': new TextEncoder().encode('tile one, the north-west quarter'),
}

const HEADER_BYTES = 127

function varint(value: number): number[] {
  const bytes: number[] = []
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80)
    value = Math.floor(value / 128)
  }
  bytes.push(value)
  return bytes
}

/** The root directory: tile ids 0 (z0) and 1 (z1 0/0 on the Hilbert curve), stored one after the other. */
function rootDirectory(lengths: number[]): Uint8Array {
  const entries = lengths.length
  const bytes = [
    ...varint(entries),
    ...lengths.flatMap((_length, index) => varint(index === 0 ? 0 : 1)), // tile id deltas
    ...lengths.flatMap(() => varint(1)), // run lengths
    ...lengths.flatMap(length => varint(length)),
    // Offsets: the first is written (plus one), the next follow on (0 = right after the previous tile).
    ...lengths.flatMap((_length, index) => varint(index === 0 ? 1 : 0)),
  ]
  return Uint8Array.from(bytes)
}

/** The archive's bytes. */
export function pmtilesFixture(): Uint8Array {
  const tiles = [FIXTURE_TILES['0/0/0']!, FIXTURE_TILES['1/0/0']!]
  const directory = rootDirectory(tiles.map(tile => tile.length))
  const metadata = new TextEncoder().encode(JSON.stringify({ name: 'Lookout test fixture' }))
  const tileBytes = tiles.reduce((sum, tile) => sum + tile.length, 0)
  const metadataOffset = HEADER_BYTES + directory.length
  const tilesOffset = metadataOffset + metadata.length
  const archive = new Uint8Array(tilesOffset + tileBytes)
  const view = new DataView(archive.buffer)
  archive.set(new TextEncoder().encode('PMTiles'), 0)
  view.setUint8(7, 3)
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true)
  u64(8, HEADER_BYTES)
  u64(16, directory.length)
  u64(24, metadataOffset)
  u64(32, metadata.length)
  u64(40, tilesOffset) // no leaf directories
  u64(48, 0)
  u64(56, tilesOffset)
  u64(64, tileBytes)
  u64(72, tiles.length) // addressed tiles
  u64(80, tiles.length) // tile entries
  u64(88, tiles.length) // tile contents
  view.setUint8(96, 1) // clustered
  view.setUint8(97, 1) // internal compression: none
  view.setUint8(98, 1) // tile compression: none
  view.setUint8(99, 1) // tile type: MVT
  view.setUint8(100, 0) // min zoom
  view.setUint8(101, 1) // max zoom
  const e7 = (at: number, degrees: number) => view.setInt32(at, Math.round(degrees * 1e7), true)
  e7(102, -180)
  e7(106, -85)
  e7(110, 180)
  e7(114, 85)
  view.setUint8(118, 0)
  e7(119, 0)
  e7(123, 0)
  archive.set(directory, HEADER_BYTES)
  archive.set(metadata, metadataOffset)
  let offset = tilesOffset
  for (const tile of tiles) {
    archive.set(tile, offset)
    offset += tile.length
  }
  return archive
}
