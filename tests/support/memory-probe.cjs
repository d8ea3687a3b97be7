// Preloaded into a test server (see server-memory.ts): on SIGUSR2 it runs a full GC and prints the memory use.
process.on('SIGUSR2', () => {
  globalThis.gc()
  globalThis.gc()
  process.stdout.write(`[memory] ${JSON.stringify(process.memoryUsage())}\n`)
})
