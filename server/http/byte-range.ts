// HTTP Range requests (RFC 9110 §14) for files served in pieces, such as the PMTiles base map.

/** Inclusive byte offsets of the part asked for. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * The single range a `Range` header asks for in a file of `size` bytes: null when there is no header or it is
 * not a single bytes range (the whole file is sent), 'unsatisfiable' when it lies outside the file (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  if (match[1] === '') {
    // A suffix: the last N bytes.
    const length = Number(match[2])
    if (length === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}
