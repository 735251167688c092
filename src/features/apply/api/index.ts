import { z } from 'zod'
import { ApplicationResponseSchema, DraftSchema, UPLOAD_FIELD, UploadResponseSchema, type ApplicationRequestInput, type ApplicationResponse, type UploadResponse } from '@/domain/application'
import { api, ApiError, storedSessions } from '@/lib/api'
import { uploadChosenFile, type ChosenFile } from '@/platform/files'

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

/** Signs in when there is no session yet (the api client does it on the first signed-in request). */
async function ensureSession(): Promise<string> {
  const current = storedSessions.get()
  if (current) return current.token
  try {
    await api.request({ path: '/drafts/current', schema: DraftSchema, auth: true })
  } catch (error) {
    // No draft on the server yet (404) still signed the person in.
    if (!(error instanceof ApiError) || error.status !== 404) throw error
  }
  const session = storedSessions.get()
  if (!session) throw new ApiError({ kind: 'http', status: 401, message: '登录失败，请稍后再试' })
  return session.token
}

const baseUrl = (process.env.TARO_APP_API_BASE ?? '').replace(/\/$/, '')

const UploadErrorSchema = z.object({ message: z.string() })

/** Uploads one chosen file (field `file`) with the session's Authorization header, reporting progress in percent. */
export async function uploadDocument(file: ChosenFile, onProgress: (percent: number) => void): Promise<UploadResponse> {
  const token = await ensureSession()
  const response = await uploadChosenFile({ url: `${baseUrl}/api/v1/uploads`, file, name: UPLOAD_FIELD, header: { Authorization: `Bearer ${token}` }, onProgress })
  let body: unknown
  try {
    body = JSON.parse(response.data)
  } catch {
    body = undefined
  }
  if (response.statusCode === 401) storedSessions.clear()
  if (response.statusCode < 200 || response.statusCode >= 300) {
    const error = UploadErrorSchema.safeParse(body)
    throw new ApiError({ kind: 'http', status: response.statusCode, message: error.success ? error.data.message : '上传失败，请重试' })
  }
  return UploadResponseSchema.parse(body)
}
