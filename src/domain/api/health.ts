import { z } from 'zod'

/** `GET /api/v1/health`: the server is up and which database it runs on. */
export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
})
export type HealthResponse = z.infer<typeof HealthResponseSchema>

/** `GET /api/v1/ready` when the instance takes requests (otherwise 503 with the error body). */
export const ReadyResponseSchema = z.object({ status: z.literal('ready') })
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>
