// Timing of the statements sent to the database, reported by the kind of statement (never its text) to an
// observer: the seam through which /metrics learns database latency, on either driver.
import type { PGlite, Transaction } from '@electric-sql/pglite'

/** The kinds of statement timings are reported by: few and fixed, so a metric label stays small. */
export type QueryOperation = 'select' | 'insert' | 'update' | 'delete' | 'transaction' | 'other'

/** Told of every statement once it finished (or failed): its kind and how long it took. */
export type QueryObserver = (operation: QueryOperation, seconds: number) => void

const OPERATIONS: Record<string, QueryOperation> = {
  select: 'select', insert: 'insert', update: 'update', delete: 'delete',
  begin: 'transaction', commit: 'transaction', rollback: 'transaction', savepoint: 'transaction', release: 'transaction',
}

/** The kind of statement `text` is, from its first word (`with …` and anything unlisted are 'other'). */
export function queryOperation(text: string): QueryOperation {
  const word = /^\s*\(?\s*([a-z]+)/i.exec(text)?.[1]
  return (word && OPERATIONS[word.toLowerCase()]) || 'other'
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wraps drivers' overloaded query methods as they are
type QueryFunction = (...args: any[]) => any

/** `query` (a driver's, already bound) reporting each call to `observe`: pg calls back or returns a promise, both are timed. */
export function timedQuery<F extends QueryFunction>(query: F, observe: QueryObserver): F {
  return ((...args: unknown[]) => {
    const first = args[0]
    const operation = queryOperation(typeof first === 'string' ? first : (first as { text?: string } | null)?.text ?? '')
    const started = performance.now()
    const done = () => observe(operation, (performance.now() - started) / 1000)
    const callback = args.at(-1)
    if (typeof callback === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        done()
        return callback(...results)
      }
      return query(...args)
    }
    const result = query(...args)
    if (typeof result?.then === 'function') result.then(done, done)
    return result
  }) as F
}

/** `client` with the statements run through query(), in and out of transactions, timed (PGlite runs BEGIN/COMMIT itself, untimed). */
export function timedPglite(client: PGlite, observe: QueryObserver): PGlite {
  const query = timedQuery(client.query.bind(client), observe)
  const transaction = <T>(callback: (tx: Transaction) => Promise<T>) => client.transaction(tx =>
    callback(Object.assign(Object.create(tx) as Transaction, { query: timedQuery(tx.query.bind(tx), observe) })))
  return new Proxy(client, {
    get(target, key) {
      if (key === 'query') return query
      if (key === 'transaction') return transaction
      const value = Reflect.get(target, key, target) as unknown
      // PGlite's methods use private fields: called on the proxy they would fail.
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
