// The production sender of status messages: WeChat's stable_token and subscribeMessage.send, played
// here by a stand-in WeChat over real HTTP. What it sends, that it keeps its token, and that a refusal
// leaves the message for a later try.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApplicationResponseSchema } from '@/domain/application'
import { deliverDueNotifications } from '../../server/notifications/outbox'
import { wechatSender } from '../../server/notifications/wechatSender'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, postCaseEvent, startApplyApp, submit, type ApplyTestApp } from './apply-support'

jest.setTimeout(60_000)

const SECRET = 'wechat-sender-secret-for-the-tests-0123456789'
const credentials = { appId: 'wx0123456789abcdef', appSecret: 'fedcba9876543210fedcba9876543210' }

interface Received {
  path: string
  query: Record<string, string>
  body: Record<string, unknown>
}

describe('status messages through WeChat', () => {
  let t: ApplyTestApp
  let wechat: http.Server
  let baseUrl: string
  const received: Received[] = []
  /** How the stand-in answers subscribeMessage.send. */
  let sendAnswer: Record<string, unknown> = { errcode: 0, errmsg: 'ok' }
  let tokens = 0

  beforeAll(async () => {
    t = await startApplyApp('pglite', { envOverrides: { CASE_EVENTS_SECRET: SECRET } })
    wechat = http.createServer((request, response) => {
      let raw = ''
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()))
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://wechat.test')
        received.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), body: JSON.parse(raw || '{}') as Record<string, unknown> })
        response.setHeader('content-type', 'application/json')
        if (url.pathname === '/cgi-bin/stable_token') {
          tokens += 1
          response.end(JSON.stringify({ access_token: `token-${tokens}`, expires_in: 7200 }))
        } else response.end(JSON.stringify(sendAnswer))
      })
    })
    await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => wechat.close(resolve))
    await t.close()
  })

  test('sends the benefit, its new status, the time in Shanxi and the note to the person’s openid, opening the application', async () => {
    const mother = await bearer(t.app, 'wang-shufen')
    await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: mother, payload: { templateIds: ['tpl-progress'] } })
    const application = ApplicationResponseSchema.parse((await submit(t.app, mother, wangShufenApplication())).json())
    const dibao = application.claims.find((claim) => claim.benefit === 'dibao')?.id ?? ''
    const sender = wechatSender({ ...credentials, db: t.testDb.db, crypto: t.app.fieldCrypto, baseUrl, now: () => t.clock.now })

    expect((await postCaseEvent(t.app, SECRET, { claimId: dibao, status: 'accepted' })).statusCode).toBe(200)
    expect(await deliverDueNotifications(t.testDb.db, sender, t.clock.now)).toEqual({ sent: 1, failed: 0 })
    expect(received.map((call) => call.path)).toEqual(['/cgi-bin/stable_token', '/cgi-bin/message/subscribe/send'])
    expect(received[0].body).toEqual({ grant_type: 'client_credential', appid: credentials.appId, secret: credentials.appSecret })
    expect(received[1].query).toEqual({ access_token: 'token-1' })
    expect(received[1].body).toEqual({
      touser: 'dev:wang-shufen',
      template_id: 'tpl-progress',
      page: `subpackages/track/detail/index?id=${application.id}`,
      lang: 'zh_CN',
      data: {
        thing1: { value: '最低生活保障' },
        phrase2: { value: '已受理' },
        time3: { value: '2026-03-01 16:00' },
        thing4: { value: '乡镇（街道）已受理申请。' },
        character_string5: { value: application.reference },
      },
    })

    // The next message uses the same token; a long note is cut to WeChat's 20 characters.
    await postCaseEvent(t.app, SECRET, { claimId: dibao, status: 'verifying', note: '工作人员将于 3 月 5 日上午到家中了解收入和住房情况，请保持电话畅通。' })
    expect(await deliverDueNotifications(t.testDb.db, sender, t.clock.now)).toEqual({ sent: 1, failed: 0 })
    expect(received.filter((call) => call.path === '/cgi-bin/stable_token')).toHaveLength(1)
    const note = ((received.at(-1)?.body.data as Record<string, { value: string }>).thing4).value
    expect(Array.from(note)).toHaveLength(20)
    expect(note.endsWith('…')).toBe(true)
  })

  test('a refused token is fetched again on the next try; the message stays queued until WeChat takes it', async () => {
    const son = await bearer(t.app, 'li-jianguo')
    await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: son, payload: { templateIds: ['tpl-progress'] } })
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1950-01-01', 1)
    const application = ApplicationResponseSchema.parse((await submit(t.app, son, input)).json())
    const sender = wechatSender({ ...credentials, db: t.testDb.db, crypto: t.app.fieldCrypto, baseUrl, now: () => t.clock.now })
    await postCaseEvent(t.app, SECRET, { claimId: application.claims[0].id, status: 'accepted' })

    sendAnswer = { errcode: 40001, errmsg: 'invalid credential' }
    expect(await deliverDueNotifications(t.testDb.db, sender, t.clock.now)).toEqual({ sent: 0, failed: 1 })
    sendAnswer = { errcode: 0, errmsg: 'ok' }
    const later = new Date(t.clock.now.getTime() + 10 * 60_000)
    const before = tokens
    expect(await deliverDueNotifications(t.testDb.db, sender, later)).toEqual({ sent: 1, failed: 0 })
    expect(tokens).toBe(before + 1)
  })
})
