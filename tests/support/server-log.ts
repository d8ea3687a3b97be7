// What a test server logged about errors nobody handled: uncaught exceptions, unhandled rejections, 500s.
import type { ServerProcess } from './server-process'

const UNHANDLED = /\[uncaughtException\]|\[unhandledRejection\]|\[unhandled\]/

/** How much the server has printed so far, to look only at what a test makes it print. */
export function logMark(server: ServerProcess): number {
  return server.output().length
}

/** Lines about unhandled errors the server printed since `mark`. */
export function unhandledErrorsSince(server: ServerProcess, mark = 0): string[] {
  return server.output().slice(mark).split('\n').filter(line => UNHANDLED.test(line))
}
