// How V8 compiles the embedded database (PGlite, PostgreSQL built to WebAssembly). By default V8 compiles every
// function with its baseline compiler and recompiles the hot ones with its optimizing compiler on background
// threads; those compilations of a module as large as PostgreSQL leave ~100 MB in the threads' malloc arenas,
// which glibc keeps. Compiling only what runs, with the baseline compiler only, keeps an idle server small at
// about 15 % more CPU per database query; EMBEDDED_OPTIMIZED_CODE=on gives the CPU back for the memory.
import { setFlagsFromString } from 'node:v8'

/** Sets V8's WebAssembly compilation for the embedded database, before its module is compiled (once, at start). */
export function chooseEmbeddedCompilation(optimized: boolean): void {
  if (!optimized) setFlagsFromString('--liftoff-only --wasm-lazy-compilation')
}
