// The operator's PMTiles archive (MAP_PMTILES), read by the map page in pieces through HTTP Range requests.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { parseByteRange } from '../../http/byte-range'

export default defineEventHandler(async (event) => {
  await useActor(event)
  const path = process.env.MAP_PMTILES
  if (!path) throw createError({ statusCode: 404, statusMessage: 'No PMTiles base map: MAP_PMTILES is not set' })
  const file = await stat(path).catch(() => null)
  if (!file?.isFile()) throw createError({ statusCode: 404, statusMessage: 'MAP_PMTILES does not name a readable file' })
  setResponseHeaders(event, {
    'accept-ranges': 'bytes',
    'content-type': 'application/vnd.pmtiles',
    // The archive's reader checks that every piece comes from the same version of the file.
    'etag': `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`,
    'cache-control': 'private, max-age=3600',
  })
  const range = parseByteRange(getRequestHeader(event, 'range'), file.size)
  if (range === 'unsatisfiable') {
    setResponseHeader(event, 'content-range', `bytes */${file.size}`)
    throw createError({ statusCode: 416, statusMessage: `Range not satisfiable: the file has ${file.size} bytes` })
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 }
  if (range) {
    setResponseStatus(event, 206)
    setResponseHeader(event, 'content-range', `bytes ${start}-${end}/${file.size}`)
  }
  setResponseHeader(event, 'content-length', end - start + 1)
  return sendStream(event, createReadStream(path, { start, end }))
})
