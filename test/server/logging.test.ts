// Log lines never carry a session token, a sign-in code or personal data, even when a route is careless.
import { startTestApp, type TestApp } from './helpers/app'

jest.setTimeout(60_000)

const idNumber = '14010519491231002X'
const phone = '13812345678'
const name = '王淑芬'
const code = 'code-for-the-log-test-7f3a'

describe('logs', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp('pglite', { envOverrides: { LOG_LEVEL: 'trace' } })
  })
  afterAll(async () => {
    await t.close()
  })

  it('contain the requests but not tokens, codes, ID numbers, phones or names', async () => {
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })
    const { token } = signIn.json() as { token: string }
    const authorization = `Bearer ${token}`

    await t.app.inject({ method: 'GET', url: '/api/v1/test/me', headers: { authorization } })
    // A route that logs the body it received, and one member of it.
    const household = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/household',
      headers: { authorization },
      payload: { members: [{ name, idNumber, phone, age: 76 }] },
    })
    expect(household.statusCode).toBe(200)
    // A rejected body, a query string, and a fault of ours.
    await t.app.inject({ method: 'POST', url: '/api/v1/test/household', headers: { authorization }, payload: { members: [{ name, idNumber, phone, age: 'old' }] } })
    await t.app.inject({ method: 'GET', url: `/api/v1/test/query?date=2026-01-01&idNumber=${idNumber}&phone=${phone}`, headers: { authorization } })
    await t.app.inject({ method: 'GET', url: '/api/v1/test/boom', headers: { authorization } })

    const output = t.logs.join('')
    expect(output).toContain('household received')
    expect(output).toContain('"url":"/api/v1/test/household"')
    expect(output).toContain('[redacted]')
    for (const secret of [token, code, `dev:${code}`, idNumber, phone, name]) {
      expect(output).not.toContain(secret)
    }
  })
})
