// Codec 12: text commands to a tracker over its open connection, and the tracker's text responses.
import { framePacketData } from './avl-encoder'
import { CODEC_12, TeltonikaFormatError } from './avl-record'
import { ByteReader } from './byte-reader'

const TYPE_COMMAND = 0x05
const TYPE_RESPONSE = 0x06

/** The whole TCP packet carrying command `text` (e.g. `setdigout 1`) to a tracker. */
export function encodeCommand(text: string): Buffer {
  return framePacketData(codec12Data(TYPE_COMMAND, Buffer.from(text, 'ascii')))
}

/** The whole TCP packet of a tracker's response (what trackers send; the simulator and tests use it). */
export function encodeCommandResponse(text: string): Buffer {
  return framePacketData(codec12Data(TYPE_RESPONSE, Buffer.from(text, 'ascii')))
}

/** The response text of Codec 12 data (codec id … second count); TeltonikaFormatError when it is not a response. */
export function decodeCommandResponse(data: Buffer): string {
  return decodeCodec12(data, TYPE_RESPONSE)
}

/** The command text of Codec 12 data, as a tracker reads it (the simulator does). */
export function decodeCommand(data: Buffer): string {
  return decodeCodec12(data, TYPE_COMMAND)
}

function decodeCodec12(data: Buffer, expectedType: number): string {
  const reader = new ByteReader(data)
  if (reader.uint(1) !== CODEC_12) throw new TeltonikaFormatError('not a Codec 12 packet')
  const count = reader.uint(1)
  const type = reader.uint(1)
  if (count !== 1 || type !== expectedType) throw new TeltonikaFormatError(`Codec 12 type 0x${type.toString(16)} × ${count} is not the one expected`)
  const text = reader.bytes(reader.uint(4))
  if (reader.uint(1) !== count || reader.remaining !== 0) throw new TeltonikaFormatError('Codec 12 packet does not end after its response')
  return text.toString('latin1')
}

function codec12Data(type: number, payload: Buffer): Buffer {
  const head = Buffer.from([CODEC_12, 1, type, 0, 0, 0, 0])
  head.writeUInt32BE(payload.length, 3)
  return Buffer.concat([head, payload, Buffer.from([1])])
}
