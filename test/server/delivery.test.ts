// How the H5 app and the API's answers reach a phone: the build's brotli and gzip copies, cache lifetimes
// that let a browser reuse hashed files without asking, compressed JSON, and a policy without inline scripts.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { startTestApp, type TestApp } from './helpers/app'
import { tempDir } from './helpers/files'

jest.setTimeout(60_000)

const page = '<!doctype html><html lang="zh-CN"><head><script defer src="/js/app.1a2b3c4d.js"></script></head><body><div id="app"></div></body></html>'
const script = `console.info(${JSON.stringify('晋心助手 '.repeat(200))})`

describe('delivering the H5 app and the API to a phone', () => {
  let t: TestApp
  const h5 = tempDir('jinxin-h5-delivery-')

  beforeAll(async () => {
    mkdirSync(path.join(h5.dir, 'js'), { recursive: true })
    const files: Record<string, string> = { 'index.html': page, 'js/app.1a2b3c4d.js': script, 'sw.js': 'self.addEventListener("fetch", () => {})' }
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(h5.dir, name), text)
      writeFileSync(path.join(h5.dir, `${name}.br`), brotliCompressSync(text))
      writeFileSync(path.join(h5.dir, `${name}.gz`), gzipSync(text))
    }
    t = await startTestApp('pglite', { envOverrides: { H5_DIST: h5.dir } })
  })
  afterAll(async () => {
    await t.close()
    h5.remove()
  })

  const get = (url: string, acceptEncoding?: string) => t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })

  it('sends the brotli copy of a script to a browser that accepts brotli, gzip to one that accepts only gzip, the file itself otherwise', async () => {
    const brotli = await get('/js/app.1a2b3c4d.js', 'gzip, deflate, br')
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(brotli.headers['content-type']).toMatch(/javascript/)
    expect(brotli.headers.vary).toContain('accept-encoding')
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script)
    expect(brotli.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10)

    const gzip = await get('/js/app.1a2b3c4d.js', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script)

    const plain = await get('/js/app.1a2b3c4d.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.payload).toBe(script)
  })

  it('lets browsers keep hashed files for a year without asking, and checks the page and the service worker on every visit', async () => {
    expect((await get('/js/app.1a2b3c4d.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await get('/js/app.1a2b3c4d.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const url of ['/', '/index.html', '/sw.js', '/pages/me/index']) {
      const response = await get(url, 'br')
      expect({ url, status: response.statusCode, cacheControl: response.headers['cache-control'] }).toEqual({ url, status: 200, cacheControl: 'no-cache' })
    }
    const home = await get('/', 'br')
    expect(home.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(home.rawPayload).toString()).toBe(page)
  })

  it('compresses API answers above 1 KB for clients that accept it, and leaves small ones alone', async () => {
    const regions = await get('/api/v1/regions', 'br')
    expect(regions.statusCode).toBe(200)
    expect(regions.headers['content-encoding']).toBe('br')
    const body = JSON.parse(brotliDecompressSync(regions.rawPayload).toString()) as { cities: { name: string }[] }
    expect(body.cities.map((city) => city.name)).toContain('太原市')

    const health = await get('/api/v1/health', 'br')
    expect(health.headers['content-encoding']).toBeUndefined()
    expect(health.json()).toMatchObject({ status: 'ok' })

    const identity = await get('/api/v1/regions')
    expect(identity.headers['content-encoding']).toBeUndefined()
    expect(identity.json()).toEqual(body)
  })

  it('allows scripts from this origin only: no inline script may run', async () => {
    const policy = (await get('/')).headers['content-security-policy'] as string
    const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src'))
    expect(scriptSrc?.trim()).toBe("script-src 'self'")
  })
})
