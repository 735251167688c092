// Sending a document photo or PDF to `POST /uploads`: the application and the supplements a reviewer
// asks for both use it. Taro.uploadFile (WeChat) or the browser's own upload (web) carries the file;
// the session is the api client's, signed in first when there is none and again when it has expired.
import { z } from 'zod'
import { DraftSchema, UPLOAD_FIELD, UploadResponseSchema, type UploadResponse } from '@/domain/application'
import { defaultLocale, locales } from '@/locales'
import { uploadChosenFile, type ChosenFile } from '@/platform/files'
import { api, ApiError, storedSessions } from './api'

export type { ChosenFile }

/** One uploaded file as a form keeps it: the server's id and a name to show. */
export interface UploadedFile {
  uploadId: string
  name: string
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
  if (!session) throw new ApiError({ kind: 'http', status: 401, message: messages.uploads.signInFailed })
  return session.token
}

const baseUrl = (process.env.TARO_APP_API_BASE ?? '').replace(/\/$/, '')

const UploadErrorSchema = z.object({ message: z.string() })
const messages = locales[defaultLocale]

function parse(data: string): unknown {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/**
 * Uploads one chosen file with the session's token, reporting progress in percent; an expired session
 * signs in again once. Every failure is an ApiError whose message a person can act on.
 */
export async function uploadDocument(file: ChosenFile, onProgress: (percent: number) => void): Promise<UploadResponse> {
  const send = async () => {
    const token = await ensureSession()
    try {
      return await uploadChosenFile({ url: `${baseUrl}/api/v1/uploads`, file, name: UPLOAD_FIELD, header: { Authorization: `Bearer ${token}` }, onProgress })
    } catch {
      throw new ApiError({ kind: 'network', message: messages.errors.network })
    }
  }
  let response = await send()
  if (response.statusCode === 401) {
    storedSessions.clear()
    response = await send()
  }
  const body = parse(response.data)
  if (response.statusCode < 200 || response.statusCode >= 300) {
    const error = UploadErrorSchema.safeParse(body)
    throw new ApiError({ kind: 'http', status: response.statusCode, message: error.success ? error.data.message : messages.uploads.failed })
  }
  return UploadResponseSchema.parse(body)
}
