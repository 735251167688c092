// POST /api/v1/uploads and GET /api/v1/uploads/:id: photos and PDFs of documents, typed by their bytes,
// at most 10 MB, readable by their owner only.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { UPLOAD_MAX_BYTES, UploadResponseSchema } from '@/domain/application'
import { bearer, fixture, issuesOf, multipart, startApplyApp, upload, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(120_000)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A JPEG of exactly `size` bytes: the fixture's bytes, padded before its end marker. */
function jpegOfSize(size: number): Buffer {
  const jpeg = fixture('id-card.jpg')
  const body = jpeg.subarray(0, jpeg.length - 2)
  return Buffer.concat([body, Buffer.alloc(size - jpeg.length, 0), jpeg.subarray(jpeg.length - 2)])
}

describe.each(dbKinds)('uploads on %s', (kind) => {
  let t: ApplyTestApp

  beforeAll(async () => {
    t = await startApplyApp(kind)
  })
  afterAll(async () => {
    await t.close()
  })

  test('needs sign-in', async () => {
    const body = multipart([{ filename: 'id.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') }])
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: body.headers, payload: body.payload })).statusCode).toBe(401)
  })

  test.each([
    ['id-card.jpg', 'image/jpeg'],
    ['hukou-book.png', 'image/png'],
    ['income-proof.pdf', 'application/pdf'],
  ] as const)('stores %s as %s and gives it back to its owner byte for byte', async (name, contentType) => {
    const me = await bearer(t.app, 'wang-shufen-uploads')
    const bytes = fixture(name)
    const response = await upload(t.app, me, { filename: name, contentType: 'application/octet-stream', bytes })
    expect(response.statusCode).toBe(201)
    const body = UploadResponseSchema.parse(response.json())
    expect(body).toEqual({ uploadId: expect.stringMatching(UUID), contentType, size: bytes.length })

    const back = await t.app.inject({ method: 'GET', url: `/api/v1/uploads/${body.uploadId}`, headers: me })
    expect(back.statusCode).toBe(200)
    expect(back.headers['content-type']).toBe(contentType)
    expect(back.headers['cache-control']).toBe('private, no-store')
    expect(back.headers['x-content-type-options']).toBe('nosniff')
    expect(back.rawPayload.equals(bytes)).toBe(true)
  })

  test('goes by the bytes, not the name: a PDF called .jpg is stored as a PDF', async () => {
    const me = await bearer(t.app, 'wang-shufen-uploads')
    const response = await upload(t.app, me, { filename: '身份证正面.jpg', contentType: 'image/jpeg', bytes: fixture('income-proof.pdf') })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ contentType: 'application/pdf' })
    const back = await t.app.inject({ method: 'GET', url: `/api/v1/uploads/${response.json().uploadId}`, headers: me })
    expect(back.headers['content-type']).toBe('application/pdf')
  })

  test.each([
    ['text called .jpg', '户口本.jpg', 'image/jpeg', Buffer.from('王淑芬 140105194912310025 这不是图片\n', 'utf8')],
    ['an HTML page called .png', 'scan.png', 'image/png', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a GIF', 'photo.gif', 'image/gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['a ZIP called .pdf', 'proof.pdf', 'application/pdf', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
  ])('refuses %s with 415 and stores nothing', async (_label, filename, contentType, bytes) => {
    const me = await bearer(t.app, 'careless-uploader')
    const before = await t.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads')
    const response = await upload(t.app, me, { filename, contentType, bytes })
    expect(response.statusCode).toBe(415)
    expect(response.json()).toMatchObject({ error: 'unsupported_file_type', message: '只能上传 JPG、PNG 照片或 PDF 文件。' })
    expect(issuesOf(response)).toEqual({ file: '只能上传 JPG、PNG 照片或 PDF 文件' })
    const after = await t.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads')
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })

  test('10 MB is accepted; 10 MB and one byte is 413', async () => {
    const me = await bearer(t.app, 'big-scans')
    const exactly = await upload(t.app, me, { filename: 'scan.jpg', contentType: 'image/jpeg', bytes: jpegOfSize(UPLOAD_MAX_BYTES) })
    expect(exactly.statusCode).toBe(201)
    expect(exactly.json()).toMatchObject({ size: UPLOAD_MAX_BYTES, contentType: 'image/jpeg' })

    const over = await upload(t.app, me, { filename: 'scan.jpg', contentType: 'image/jpeg', bytes: jpegOfSize(UPLOAD_MAX_BYTES + 1) })
    expect(over.statusCode).toBe(413)
    expect(over.json()).toMatchObject({ error: 'file_too_large', message: expect.stringContaining('10 MB') })
  })

  test(kind === 'postgres' ? 'the files are kept in the database, not on this instance’s disk' : 'the files are kept under DATA_DIR/uploads', async () => {
    const me = await bearer(t.app, 'wang-shufen-uploads')
    const bytes = fixture('hukou-book.png')
    const { uploadId } = (await upload(t.app, me, { filename: 'id.png', contentType: 'image/png', bytes })).json()
    const folder = path.join(t.dataDir, 'uploads', uploadId.slice(0, 2))
    const stored = await t.testDb.db.query<{ bytes: Buffer }>('SELECT bytes FROM upload_chunks WHERE storage_key = $1 ORDER BY seq', [`${uploadId.slice(0, 2)}/${uploadId}`])
    if (kind === 'postgres') {
      expect(existsSync(folder)).toBe(false)
      expect(Buffer.concat(stored.rows.map((row) => row.bytes)).equals(bytes)).toBe(true)
    } else {
      expect(stored.rows).toEqual([])
      expect(existsSync(path.join(folder, uploadId))).toBe(true)
      expect(readdirSync(folder).some((name) => name.endsWith('.partial'))).toBe(false)
    }
  })

  test('another person’s upload is 404, as is one that does not exist; a malformed id is 400', async () => {
    const wang = await bearer(t.app, 'wang-shufen-uploads')
    const zhao = await bearer(t.app, 'zhao-mancang-uploads')
    const { uploadId } = (await upload(t.app, wang, { filename: 'id.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') })).json()
    const theirs = await t.app.inject({ method: 'GET', url: `/api/v1/uploads/${uploadId}`, headers: zhao })
    const nobodys = await t.app.inject({ method: 'GET', url: '/api/v1/uploads/4f0a9d2c-6b3e-4c1a-8f7d-2e5b9c0a1d3f', headers: zhao })
    expect(theirs.statusCode).toBe(404)
    expect(theirs.json()).toEqual(nobodys.json())
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/uploads/${uploadId}` })).statusCode).toBe(401)
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/uploads/1', headers: zhao })
    expect(malformed.statusCode).toBe(400)
    expect(Object.keys(issuesOf(malformed))).toEqual(['id'])
  })

  describe('a malformed upload is 400 with the path, or 415 for another format', () => {
    test('no file part', async () => {
      const me = await bearer(t.app, 'careless-uploader')
      const body = multipart([], { note: '忘了选文件' })
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...me, ...body.headers }, payload: body.payload })
      expect(response.statusCode).toBe(400)
      expect(issuesOf(response)).toEqual({ file: '请选择要上传的文件' })
    })

    test('an empty file', async () => {
      const me = await bearer(t.app, 'careless-uploader')
      const response = await upload(t.app, me, { filename: 'id.jpg', contentType: 'image/jpeg', bytes: Buffer.alloc(0) })
      expect(response.statusCode).toBe(400)
      expect(issuesOf(response)).toEqual({ file: '文件是空的' })
    })

    test('two files at once', async () => {
      const me = await bearer(t.app, 'careless-uploader')
      const body = multipart([
        { filename: 'front.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') },
        { filename: 'back.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') },
      ])
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...me, ...body.headers }, payload: body.payload })
      expect(response.statusCode).toBe(400)
      expect(issuesOf(response)).toEqual({ file: '一次只能上传一个文件' })
    })

    test('a cut-off multipart body', async () => {
      const me = await bearer(t.app, 'careless-uploader')
      const body = multipart([{ filename: 'id.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') }])
      const cut = body.payload.subarray(0, body.payload.length - 30)
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...me, ...body.headers }, payload: cut })
      expect(response.statusCode).toBe(400)
      expect(Object.keys(issuesOf(response))).toEqual(['file'])
    })

    test('multipart without a boundary', async () => {
      const me = await bearer(t.app, 'careless-uploader')
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...me, 'content-type': 'multipart/form-data' }, payload: 'hello' })
      expect(response.statusCode).toBe(400)
      expect(Object.keys(issuesOf(response))).toEqual(['file'])
    })

    test('JSON or raw bytes instead of multipart', async () => {
      const me = await bearer(t.app, 'careless-uploader')
      const json = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: me, payload: { file: 'base64…' } })
      expect(json.statusCode).toBe(415)
      expect(json.json().message).toContain('multipart/form-data')
      const raw = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...me, 'content-type': 'image/jpeg' }, payload: fixture('id-card.jpg') })
      expect(raw.statusCode).toBe(415)
    })
  })

  test('uploads are rate limited per person (429 with Retry-After)', async () => {
    const limited = await startApplyApp(kind, { rateLimits: { upload: { max: 2, timeWindow: '1 hour' } } })
    try {
      const me = await bearer(limited.app, 'many-uploads')
      const other = await bearer(limited.app, 'one-upload')
      const file = { filename: 'id.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') }
      expect((await upload(limited.app, me, file)).statusCode).toBe(201)
      expect((await upload(limited.app, me, file)).statusCode).toBe(201)
      const third = await upload(limited.app, me, file)
      expect(third.statusCode).toBe(429)
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0)
      expect((await upload(limited.app, other, file)).statusCode).toBe(201)
    } finally {
      await limited.close()
    }
  })
})
