// The server over real HTTP on a real port: the API, security headers, CORS, and the H5 app at `/`.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startTestApp, type TestApp } from './helpers/app'
import { tempDir } from './helpers/files'
import { dbKinds } from './helpers/databases'

jest.setTimeout(60_000)

const allowedOrigin = 'https://jinxin.example.gov.cn'

describe.each(dbKinds)('a listening server on %s', (kind) => {
  let t: TestApp
  let base: string
  const h5 = tempDir('jinxin-h5-')

  beforeAll(async () => {
    mkdirSync(path.join(h5.dir, 'js'), { recursive: true })
    writeFileSync(path.join(h5.dir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><div id="app">晋心助手</div></body></html>')
    writeFileSync(path.join(h5.dir, 'js', 'app.js'), 'console.info("app")')
    t = await startTestApp(kind, { envOverrides: { H5_DIST: h5.dir, CORS_ORIGINS: allowedOrigin } })
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await t.close()
    h5.remove()
  })

  it('answers health, signs a person in and serves their signed-in route', async () => {
    const health = await fetch(`${base}/api/v1/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok', db: kind, version: expect.any(String) })

    const signIn = await fetch(`${base}/api/v1/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'grandma' }) })
    expect(signIn.status).toBe(200)
    const { token } = (await signIn.json()) as { token: string }

    const me = await fetch(`${base}/api/v1/test/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { id: string }).id).toEqual(expect.any(String))

    const anonymous = await fetch(`${base}/api/v1/test/me`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({ error: 'unauthorized', message: expect.any(String) })
  })

  it('answers malformed JSON over the wire with 400, not 500', async () => {
    const response = await fetch(`${base}/api/v1/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'invalid_json', message: expect.any(String) })
  })

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${base}/api/v1/health`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('allows browser calls from configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/api/v1/auth/wechat`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      })
    const allowed = await preflight(allowedOrigin)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin)
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization')

    const other = await preflight('https://evil.example')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('serves the H5 app at / and its files, and answers page paths with index.html', async () => {
    const home = await fetch(`${base}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await home.text()).toContain('晋心助手')

    const script = await fetch(`${base}/js/app.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toMatch(/javascript/)

    const deepLink = await fetch(`${base}/pages/me/index`)
    expect(deepLink.status).toBe(200)
    expect(await deepLink.text()).toContain('<div id="app">')

    const missingFile = await fetch(`${base}/js/missing.js`)
    expect(missingFile.status).toBe(404)
  })

  it('still answers unknown API paths with 404 JSON, not the page', async () => {
    const response = await fetch(`${base}/api/v1/nothing-here`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'not_found', message: expect.any(String) })
  })
})

describe('a server without the H5 build', () => {
  let t: TestApp
  let base: string

  beforeAll(async () => {
    t = await startTestApp('pglite')
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await t.close()
  })

  it('says at / how to build it, in plain Chinese and English', async () => {
    const response = await fetch(`${base}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await response.text()
    expect(page).toContain('H5 not built yet: run <code>npm run build:h5</code>')
    expect(page).toContain('H5 页面还没有构建')
  })

  it('still serves the API', async () => {
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200)
  })
})
