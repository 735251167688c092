// Sign-in through WeChat's code2session (production), with WeChat played by a stand-in.
import { WechatIdentityProvider, type FetchLike } from '../../server/services/identity'
import { startTestApp, type TestApp } from './helpers/app'

jest.setTimeout(60_000)

const appId = 'wx0123456789abcdef'
const appSecret = 'fedcba9876543210fedcba9876543210'

describe('sign-in with WeChat', () => {
  let t: TestApp
  const asked: URL[] = []
  let answer: () => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

  const fakeWechat: FetchLike = (url) => {
    asked.push(new URL(url))
    return answer()
  }
  const answers = (body: unknown, status = 200) => async () => ({ ok: status < 300, status, json: async () => body })

  beforeAll(async () => {
    t = await startTestApp('pglite', { identityProvider: new WechatIdentityProvider({ appId, appSecret, fetch: fakeWechat }) })
  })
  afterAll(async () => {
    await t.close()
  })

  const signIn = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })

  it('asks code2session with the app’s credentials and signs in the openid it names', async () => {
    answer = answers({ openid: 'oAbC-openid-1', session_key: 'c2Vzc2lvbg==' })
    const first = await signIn('wx-login-code-1')
    expect(first.statusCode).toBe(200)
    const url = asked[asked.length - 1]
    expect(url.origin + url.pathname).toBe('https://api.weixin.qq.com/sns/jscode2session')
    expect(Object.fromEntries(url.searchParams)).toEqual({ appid: appId, secret: appSecret, js_code: 'wx-login-code-1', grant_type: 'authorization_code' })

    // Another code for the same openid is the same person.
    const second = await signIn('wx-login-code-2')
    const idOf = async (token: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/test/me', headers: { authorization: `Bearer ${token}` } })).json().id
    expect(await idOf(second.json().token)).toBe(await idOf(first.json().token))
  })

  it('answers a code WeChat refuses with 401, so the app logs in again', async () => {
    answer = answers({ errcode: 40029, errmsg: 'invalid code' })
    const response = await signIn('used-code')
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ error: 'invalid_code', message: expect.any(String) })
  })

  it('answers 503 when WeChat is busy, unreachable or odd, never 500', async () => {
    answer = answers({ errcode: -1, errmsg: 'system error' })
    expect((await signIn('code-a')).statusCode).toBe(503)
    answer = answers('<html>bad gateway</html>', 502)
    expect((await signIn('code-b')).statusCode).toBe(503)
    answer = () => Promise.reject(new TypeError('fetch failed'))
    const unreachable = await signIn('code-c')
    expect(unreachable.statusCode).toBe(503)
    expect(unreachable.json()).toEqual({ error: 'upstream_unavailable', message: expect.any(String) })
    expect(t.logs.join('')).not.toContain(appSecret)
  })
})
