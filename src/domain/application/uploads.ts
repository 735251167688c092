// Document uploads (`POST /uploads`): photos or PDFs of the documents an application needs.
import { z } from 'zod'

/** 10 MB: above it the upload is refused with 413. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024

/** What the server accepts, decided by the file's first bytes, never by its name or declared type. */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number]

/** The multipart field the file is sent in (`Taro.uploadFile({ name: 'file' })`). */
export const UPLOAD_FIELD = 'file'

/** The answer to `POST /uploads`: refer to the file by `uploadId` in an application's documents. */
export const UploadResponseSchema = z.object({
  uploadId: z.uuid(),
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  /** Bytes. */
  size: z.number().int().min(1),
})
export type UploadResponse = z.infer<typeof UploadResponseSchema>

export const UploadParamsSchema = z.object({
  id: z.uuid({ message: '文件编号格式不正确' }),
})
