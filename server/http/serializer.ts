// Response serialisation from each route's own response schema: the zod schema is turned into JSON Schema
// once, when the route is registered, and fast-json-stringify compiles it into a function that writes exactly
// the declared fields (anything else on the object is left out, so nothing leaks by accident). Our own
// answers are not validated again on every request: the domain's types and the tests vouch for their shape.
// A schema JSON Schema cannot express (a transform, `z.undefined()` for a 304) keeps zod's serialiser.
import fastJsonStringify from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { toJSONSchema, type $ZodType } from 'zod/v4/core'

/** The compiled writer of one schema, or undefined when it cannot be expressed as JSON Schema. */
export function compileResponseSchema(schema: $ZodType): ((data: unknown) => string) | undefined {
  let jsonSchema: unknown
  try {
    jsonSchema = toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw', reused: 'inline', cycles: 'throw' })
  } catch {
    return undefined
  }
  return fastJsonStringify(jsonSchema as Parameters<typeof fastJsonStringify>[0])
}

export const serializerCompiler: FastifySerializerCompiler<$ZodType> = (route) => {
  const compiled = compileResponseSchema(route.schema)
  return compiled ?? zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0])
}
