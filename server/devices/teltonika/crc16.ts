// CRC-16/IBM (also called CRC-16/ARC): the checksum Teltonika puts after every AVL and Codec 12 packet.

const TABLE = buildTable()

function buildTable(): Uint16Array {
  const table = new Uint16Array(256)
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte
    // Reflected polynomial 0x8005 is 0xA001: the bits go in least significant first.
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xA001 : crc >>> 1
    table[byte] = crc
  }
  return table
}

/** CRC-16/IBM of `bytes` (initial value 0, reflected, no final xor), as Teltonika computes it. */
export function crc16Ibm(bytes: Uint8Array): number {
  let crc = 0
  for (const byte of bytes) crc = (crc >>> 8) ^ TABLE[(crc ^ byte) & 0xFF]!
  return crc
}
