// Shared by the apply*.test.ts files: signing in, multipart bodies, the fixture files, a test app whose
// uploads go to a temporary directory.
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { hmacSha256Hex } from '../../server/crypto'
import type { DbKind } from '../../server/db'
import { signIn, startTestApp, type TestApp } from './helpers/app'
import { tempDir } from './helpers/files'

export interface ApplyTestApp extends TestApp {
  dataDir: string
}

/** The real app on a fresh database, uploads under a temporary DATA_DIR, rate limits out of the way unless given. */
export async function startApplyApp(kind: DbKind, options: Parameters<typeof startTestApp>[1] = {}): Promise<ApplyTestApp> {
  const data = tempDir('jinxin-apply-')
  const t = await startTestApp(kind, {
    rateLimits: { signIn: { max: 10_000 }, submission: { max: 10_000 }, upload: { max: 10_000 } },
    ...options,
    envOverrides: { DATA_DIR: data.dir, ...options.envOverrides },
  })
  return {
    ...t,
    dataDir: data.dir,
    async close() {
      await t.close()
      data.remove()
    },
  }
}

/** Signs in as `code` (development identity) and gives the authorization header. */
export async function bearer(app: FastifyInstance, code: string): Promise<{ authorization: string }> {
  const { token } = await signIn(app, code)
  return { authorization: `Bearer ${token}` }
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'uploads')
export const fixture = (name: 'id-card.jpg' | 'hukou-book.png' | 'income-proof.pdf') => readFileSync(path.join(FIXTURES, name))

export interface FilePart {
  field?: string
  filename: string
  contentType: string
  bytes: Buffer
}

/** A multipart/form-data body as `Taro.uploadFile` sends it: the file parts, then any text fields. */
export function multipart(files: FilePart[], fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----jinxin${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    )
  }
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export async function upload(app: FastifyInstance, headers: { authorization: string }, file: FilePart): Promise<LightMyRequestResponse> {
  const body = multipart([file])
  return app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...headers, ...body.headers }, payload: body.payload })
}

export async function submit(app: FastifyInstance, headers: { authorization: string }, body: unknown, key: string | null = randomUUID()): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: key === null ? headers : { ...headers, 'idempotency-key': key },
    payload: body as Record<string, unknown>,
  })
}

/** An error answer's issues as `path → message`. */
export function issuesOf(response: LightMyRequestResponse): Record<string, string> {
  const body = response.json() as { issues?: { path: string; message: string }[] }
  return Object.fromEntries((body.issues ?? []).map((issue) => [issue.path, issue.message]))
}

/** Posts one event as the civil-affairs review system does: the exact bytes signed with the shared secret. */
export function postCaseEvent(app: FastifyInstance, secret: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  const bytes = JSON.stringify({ eventId: randomUUID(), ...body })
  return app.inject({ method: 'POST', url: '/api/v1/case-events', headers: { 'content-type': 'application/json', 'x-signature': `sha256=${hmacSha256Hex(secret, bytes)}` }, payload: bytes })
}
