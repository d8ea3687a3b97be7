// Reading a request body with a size limit, so an oversized body is refused before it is buffered whole.
import type { H3Event } from 'h3'
import { getRequestHeader } from 'h3'

/**
 * The body, or null as soon as it passes `limit` bytes (nothing larger is ever buffered). The rest of an
 * oversized body is left to drain rather than destroyed: a destroyed request leaves the response without a
 * socket, and the server's shutdown tracker then throws when the 413 is finished.
 */
export function readBodyUpTo(event: H3Event, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > limit) return Promise.resolve(null)
  if (event.method === 'GET' || event.method === 'HEAD') return Promise.resolve(Buffer.alloc(0))
  const request = event.node.req
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      stop()
      request.resume()
      resolve(null)
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    request.on('data', onData).on('end', onEnd).on('error', onError)
  })
}
