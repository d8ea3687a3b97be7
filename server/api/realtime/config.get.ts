// Where and how the browser connects: the public app key, and host/port/scheme when a proxy needs them.
export default defineEventHandler(async (event) => {
  await useActor(event)
  const port = Number(process.env.REVERB_PUBLIC_PORT)
  const scheme = process.env.REVERB_PUBLIC_SCHEME
  return {
    key: useRealtimeApp().app.key,
    host: process.env.REVERB_PUBLIC_HOST || null,
    port: Number.isInteger(port) && port > 0 ? port : null,
    scheme: scheme === 'http' || scheme === 'https' ? scheme : null,
  }
})
