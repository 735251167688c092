import { z } from 'zod'

/** `GET /api/v1/health`: the server is up and which database it runs on. */
export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
})
export type HealthResponse = z.infer<typeof HealthResponseSchema>
