// The map's base style: MAP_STYLE_URL when the operator has a tile server, otherwise null (the page's built-in offline style).
export default defineEventHandler(async (event) => {
  await useActor(event)
  return { styleUrl: process.env.MAP_STYLE_URL || null }
})
