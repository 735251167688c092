// `POST /api/v1/uploads` and `GET /api/v1/uploads/:id`: document photos and PDFs.
//
// Format: multipart/form-data with one file part (field name `file`, as `Taro.uploadFile({ name: 'file' })`
// sends it; other text fields are ignored). The type is decided by the file's first bytes (JPEG, PNG or
// PDF), never by its name or declared type: anything else is 415. Above 10 MB: 413.
import multipart from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { UPLOAD_FIELD, UPLOAD_MAX_BYTES, UploadParamsSchema, UploadResponseSchema } from '@/domain/application'
import { uploadStorageFor, type UploadStorage } from '../applications/storage'
import { EXTENSIONS, sniffContentType } from '../applications/sniff'
import { createUpload, findOwnUpload } from '../applications/uploads'
import { badRequest, isHttpError, notFound, payloadTooLarge, unsupportedMediaType, type HttpError } from '../errors'
import { requireUser } from '../http/auth'

export interface UploadRoutesOptions {
  /** Where the bytes go; by default the database with PostgreSQL, files under DATA_DIR/uploads with PGlite. */
  storage?: UploadStorage
}

const MEGABYTES = UPLOAD_MAX_BYTES / 1024 / 1024
const fileIssue = (message: string) => ({ issues: [{ path: UPLOAD_FIELD, message }] })

/** Why an upload is refused; also the examples in the API document. */
const refusals = {
  noFile: () => badRequest('请选择要上传的文件。', fileIssue('请选择要上传的文件')),
  emptyFile: () => badRequest('文件是空的，请重新选择。', fileIssue('文件是空的')),
  tooLarge: () => payloadTooLarge(`文件不能超过 ${MEGABYTES} MB，请压缩后再上传。`, { code: 'file_too_large' }),
  notMultipart: () => unsupportedMediaType(`请以 multipart/form-data 上传一个文件（字段名 ${UPLOAD_FIELD}）。`),
  notAPhotoOrPdf: () => unsupportedMediaType('只能上传 JPG、PNG 照片或 PDF 文件。', { code: 'unsupported_file_type', ...fileIssue('只能上传 JPG、PNG 照片或 PDF 文件') }),
}

/** What went wrong while reading the multipart body, as the client's error. */
function multipartError(error: unknown): HttpError {
  if (isHttpError(error)) return error
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  if (code === 'FST_REQ_FILE_TOO_LARGE') return refusals.tooLarge()
  if (code === 'FST_FILES_LIMIT') return badRequest('一次只能上传一个文件。', fileIssue('一次只能上传一个文件'))
  return badRequest('上传的内容不完整或格式不对，请重新上传。', fileIssue('请以 multipart/form-data 上传一个文件'))
}

async function readOneFile(request: FastifyRequest): Promise<Buffer> {
  let bytes: Buffer | undefined
  try {
    const parts = request.parts({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 } })
    for await (const part of parts) {
      if (part.type === 'file') bytes = await part.toBuffer()
    }
  } catch (error) {
    throw multipartError(error)
  }
  if (!bytes) throw refusals.noFile()
  if (bytes.length === 0) throw refusals.emptyFile()
  return bytes
}

export function uploadRoutesWith(options: UploadRoutesOptions = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const storage = options.storage ?? uploadStorageFor(app.db, app.env.dataDir)
    // Registered here, so multipart bodies are parsed on these routes only.
    await app.register(multipart)

    app.post(
      '/uploads',
      {
        preHandler: app.authenticate,
        config: { rateLimit: app.rateLimits.upload },
        schema: {
          summary: `上传一份材料：JPG、PNG 照片或 PDF，最大 ${MEGABYTES} MB`,
          description: `multipart/form-data，文件放在字段 ${UPLOAD_FIELD} 里（小程序 Taro.uploadFile({ name: '${UPLOAD_FIELD}' })），一次一个文件。类型按文件内容识别，不看文件名。答复里的 uploadId 写进申请的 documents。`,
          tags: ['apply'],
          consumes: ['multipart/form-data'],
          response: { 201: UploadResponseSchema },
          errors: {
            400: [
              { when: '没有文件', example: refusals.noFile() },
              { when: '文件是空的', example: refusals.emptyFile() },
            ],
            413: { when: `文件超过 ${MEGABYTES} MB`, example: refusals.tooLarge() },
            415: [
              { when: '不是 multipart/form-data', example: refusals.notMultipart() },
              { when: '文件内容不是 JPG、PNG 或 PDF', example: refusals.notAPhotoOrPdf() },
            ],
          },
        },
      },
      async (request, reply) => {
        const user = requireUser(request)
        if (!request.isMultipart()) {
          throw refusals.notMultipart()
        }
        const bytes = await readOneFile(request)
        const contentType = sniffContentType(bytes)
        if (!contentType) {
          throw refusals.notAPhotoOrPdf()
        }
        const upload = await createUpload(app.db, storage, user.id, bytes, contentType, app.clock())
        request.log.info({ uploadId: upload.uploadId, contentType, size: upload.size }, 'upload stored')
        return reply.code(201).send(upload)
      },
    )

    app.get(
      '/uploads/:id',
      {
        preHandler: app.authenticate,
        schema: {
          summary: '取回自己上传的文件（只有上传的人能取回）',
          tags: ['apply'],
          params: UploadParamsSchema,
          errors: { 404: { when: '没有这个文件，或不是您上传的', example: notFound() } },
        },
      },
      async (request, reply) => {
        const user = requireUser(request)
        const upload = await findOwnUpload(app.db, user.id, request.params.id)
        const bytes = upload ? await storage.read(upload.storageKey) : undefined
        if (!upload || !bytes) throw notFound()
        // Streamed from storage: a 10 MB scan is never held whole in memory on the way out.
        return reply
          .type(upload.contentType)
          .header('content-length', String(upload.size))
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `inline; filename="${upload.id}.${EXTENSIONS[upload.contentType]}"`)
          .send(bytes)
      },
    )
  }
}

export const uploadRoutes = uploadRoutesWith()
