import { ApplicationResponseSchema, type ApplicationRequestInput, type ApplicationResponse } from '@/domain/application'
import { api } from '@/lib/api'

/** POST /applications with the attempt's Idempotency-Key: sending it again after a lost answer is safe. */
export function submitApplication(request: ApplicationRequestInput, idempotencyKey: string): Promise<ApplicationResponse> {
  return api.request({
    method: 'POST',
    path: '/applications',
    body: request,
    headers: { 'Idempotency-Key': idempotencyKey },
    schema: ApplicationResponseSchema,
    auth: true,
    idempotent: true,
  })
}
