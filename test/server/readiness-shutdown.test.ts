// GET /api/v1/ready for the load balancer (503 while starting and draining), and SIGTERM on a real server
// process: no new connections, requests under way (a phone's slow upload) finish, then it exits.
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { buildApp } from '../../server/app'
import { migrate, openPglite } from '../../server/db'
import { fixture } from './apply-support'
import { testEnv } from './helpers/app'
import { tempDir } from './helpers/files'
import { startServerProcess, type ServerProcess } from './helpers/processes'

jest.setTimeout(240_000)

test('/ready answers 503 while the instance starts, 200 once its facility index is built, 503 while it drains', async () => {
  const db = await openPglite()
  await migrate(db)
  const app = await buildApp({ env: testEnv(), db, logStream: { write: () => undefined }, background: false })
  try {
    await app.ready()
    const starting = await app.inject({ method: 'GET', url: '/api/v1/ready' })
    expect(starting.statusCode).toBe(503)
    expect(starting.headers['retry-after']).toBe('5')
    expect(starting.json()).toEqual({ error: 'starting', message: '服务正在启动，请稍后再试。' })
    // Health says the process is up, whatever readiness says.
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200)

    await app.readiness.becomeReady()
    expect(app.facilities.index).toBeDefined()
    const ready = await app.inject({ method: 'GET', url: '/api/v1/ready' })
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready' }])

    app.readiness.drain()
    const draining = await app.inject({ method: 'GET', url: '/api/v1/ready' })
    expect([draining.statusCode, draining.json()]).toEqual([503, { error: 'draining', message: '服务正在停止，请稍后再试。' }])
  } finally {
    await app.close()
    await db.close()
  }
})

/** A multipart upload sent slowly, as from a phone on a weak signal: the first piece now, the rest when told. */
function slowUpload(server: ServerProcess, token: string) {
  const boundary = `----slow${randomBytes(6).toString('hex')}`
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="户口本.png"\r\nContent-Type: image/png\r\n\r\n`),
    fixture('hukou-book.png'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  let request: http.ClientRequest | undefined
  const answer = new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    request = http.request(
      `${server.url}/api/v1/uploads`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) } },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, connection: response.headers.connection }))
      },
    )
    request.on('error', reject)
  })
  const split = Math.floor(body.length / 3)
  request?.write(body.subarray(0, split))
  return {
    answer,
    /** Sends the rest in five pieces, 100 ms apart. */
    async finish() {
      const rest = body.subarray(split)
      const piece = Math.ceil(rest.length / 5)
      for (let start = 0; start < rest.length; start += piece) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        request?.write(rest.subarray(start, start + piece))
      }
      request?.end()
    },
  }
}

test('SIGTERM: requests under way finish, new connections are refused, then the process exits 0', async () => {
  const data = tempDir('jinxin-shutdown-')
  const server = await startServerProcess({ DATA_DIR: data.dir, DATABASE_URL: '', REDIS_URL: '' })
  try {
    expect((await fetch(`${server.url}/api/v1/ready`)).status).toBe(200)
    const signIn = await fetch(`${server.url}/api/v1/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'wang-xiuying' }) })
    const { token } = (await signIn.json()) as { token: string }

    const uploads = [slowUpload(server, token), slowUpload(server, token)]
    await new Promise((resolve) => setTimeout(resolve, 300))
    server.signal('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Draining: a new connection is refused, so the load balancer sends it to another instance.
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow()
    expect(await Promise.race([server.exited.then(() => 'exited'), new Promise((resolve) => setTimeout(() => resolve('still draining'), 200))])).toBe('still draining')

    await Promise.all(uploads.map((upload) => upload.finish()))
    const answers = await Promise.all(uploads.map((upload) => upload.answer))
    for (const answer of answers) {
      expect(answer.status).toBe(201)
      expect(JSON.parse(answer.body)).toMatchObject({ contentType: 'image/png' })
      expect(answer.connection).toBe('close')
    }
    expect(await server.exited).toBe(0)
    expect(server.logged('draining: finishing the requests under way, then exiting')).toHaveLength(1)
    expect(server.logged('stopped')).toHaveLength(1)
  } finally {
    await server.stop()
    data.remove()
  }
})
