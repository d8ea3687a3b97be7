// Validation of geozone shapes and of the create/update bodies, used by the geozone routes.
import { z } from 'zod'

/** A [lon, lat] pair of finite degrees in range. */
export const lonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])

const polygonSchema = z.object({
  kind: z.literal('polygon'),
  ring: z.array(lonLatSchema).min(3).max(2000)
    // A closed ring repeats its first point; what matters is three different corners.
    .refine(ring => new Set(ring.map(([lon, lat]) => `${lon},${lat}`)).size >= 3, 'needs at least 3 different points'),
})

const circleSchema = z.object({
  kind: z.literal('circle'),
  center: lonLatSchema,
  radiusMeters: z.number().min(1).max(100_000),
})

/** A geozone's shape: polygon ring or circle (matches GeozoneShape in the schema). */
export const geozoneShapeSchema = z.discriminatedUnion('kind', [polygonSchema, circleSchema])

const nameSchema = z.string().trim().min(1).max(100)
const colorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #2563eb')

/** Body of POST /api/tenants/{t}/geozones. */
export const createGeozoneSchema = z.object({ name: nameSchema, shape: geozoneShapeSchema, color: colorSchema.optional() })

/** Body of PATCH /api/geozones/{id}: any of the fields, at least one. */
export const updateGeozoneSchema = z.object({ name: nameSchema.optional(), shape: geozoneShapeSchema.optional(), color: colorSchema.optional() })
  .refine(body => body.name !== undefined || body.shape !== undefined || body.color !== undefined, 'give name, shape or color')

export type CreateGeozoneInput = z.infer<typeof createGeozoneSchema>
export type UpdateGeozoneInput = z.infer<typeof updateGeozoneSchema>
