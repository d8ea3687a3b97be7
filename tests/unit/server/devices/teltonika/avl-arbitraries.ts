// fast-check arbitraries of AVL packets within what Codec 8 and 8 Extended can carry.
import fc from 'fast-check'
import type { AvlCodec, AvlPacket, AvlRecord, IoElement } from '../../../../../server/devices/teltonika/avl-record'

const fixedElements = (idMax: number) => fc.array(fc.record({
  id: fc.integer({ min: 0, max: idMax }),
  kind: fc.constant('fixed' as const),
  bytes: fc.constantFrom(1, 2, 4, 8).chain(width => fc.uint8Array({ minLength: width, maxLength: width })).map(array => Buffer.from(array)),
}), { maxLength: 12 })

const variableElements = fc.array(fc.record({
  id: fc.integer({ min: 0, max: 0xFFFF }),
  kind: fc.constant('variable' as const),
  bytes: fc.uint8Array({ maxLength: 40 }).map(array => Buffer.from(array)),
}), { maxLength: 3 })

/** IO in the order a packet carries it: 1-, 2-, 4-, 8-byte groups, then variable ones. */
function inWireOrder(elements: IoElement[]): IoElement[] {
  const rank = (element: IoElement) => element.kind === 'variable' ? 16 : element.bytes.length
  return elements.map((element, index) => ({ element, index })).sort((a, b) => rank(a.element) - rank(b.element) || a.index - b.index).map(item => item.element)
}

function record(codec: AvlCodec): fc.Arbitrary<AvlRecord> {
  const idMax = codec === 0x8E ? 0xFFFF : 0xFF
  return fc.record({
    timestamp: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    priority: fc.integer({ min: 0, max: 2 }),
    longitudeE7: fc.integer({ min: -1_800_000_000, max: 1_800_000_000 }),
    latitudeE7: fc.integer({ min: -900_000_000, max: 900_000_000 }),
    altitude: fc.integer({ min: -32_768, max: 32_767 }),
    angle: fc.integer({ min: 0, max: 360 }),
    satellites: fc.integer({ min: 0, max: 255 }),
    speed: fc.integer({ min: 0, max: 0xFFFF }),
    eventIoId: fc.integer({ min: 0, max: idMax }),
    io: codec === 0x8E
      ? fc.tuple(fixedElements(idMax), variableElements).map(([fixed, variable]) => inWireOrder([...fixed, ...variable]))
      : fixedElements(idMax).map(inWireOrder),
  })
}

/** A Codec 8 or 8 Extended packet of up to `maxRecords` records. */
export function avlPacket(maxRecords = 8): fc.Arbitrary<AvlPacket> {
  return fc.constantFrom<AvlCodec>(0x08, 0x8E).chain(codec => fc.record({
    codec: fc.constant(codec),
    records: fc.array(record(codec), { minLength: 1, maxLength: maxRecords }),
  }))
}
