import { APPLICATION_ID, summaryOf, wangShufenDetail } from '../fixtures/tracking'
import { renderPage, startApp, type RequestCall } from './harness'

/** The template id test/run.mjs builds with. */
const TEMPLATE = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? 'dev-claim-status'

/** Acts as the server for the track pages. */
function respond(call: RequestCall) {
  const url = new URL(call.url, 'https://api.example')
  const method = call.method ?? 'GET'
  if (url.pathname === '/api/v1/auth/wechat') return { statusCode: 200, data: { token: 'token-of-wang-shufen-0123456789abcdef', expiresAt: '2027-01-01T00:00:00.000Z' } }
  if (url.pathname === '/api/v1/applications') return { statusCode: 200, data: { applications: [summaryOf(wangShufenDetail())] } }
  if (url.pathname === `/api/v1/applications/${APPLICATION_ID}`) return { statusCode: 200, data: wangShufenDetail() }
  if (url.pathname === `/api/v1/applications/${APPLICATION_ID}/invitations` && method === 'POST') return { statusCode: 201, data: { code: 'AB3CD7EFGH', expiresAt: '2026-03-12T01:00:00.000Z', label: '家人' } }
  if (url.pathname === '/api/v1/subscriptions' && method === 'POST') return { statusCode: 200, data: { templateIds: [TEMPLATE] } }
  return { statusCode: 404, data: { error: 'not_found', message: '没有找到' } }
}

async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('the built WeChat 查进度 pages', () => {
  const wx = startApp({ respond })

  beforeEach(() => {
    wx.storage.clear()
    wx.requests.length = 0
    wx.phoneCalls.length = 0
    wx.navigations.length = 0
    wx.subscribeRequests.length = 0
    wx.clipboard.length = 0
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-11T01:00:00.000Z'))
  })
  afterEach(() => jest.restoreAllMocks())

  it('the detail shows each benefit’s status in words, what is asked by when, the decision and who to call', async () => {
    const page = await renderPage('subpackages/track/detail/index', { id: APPLICATION_ID })
    await until(() => page.text().includes('王淑芬的申请'))
    const text = page.text()
    expect(wx.requests.map((call) => new URL(call.url, 'https://api.example').pathname)).toContain(`/api/v1/applications/${APPLICATION_ID}`)
    for (const shown of [
      '王淑芬的申请',
      '最低生活保障',
      '需补正材料',
      '下一步：核对调查中',
      '审核人员需要下面这些，请在 3月20日 前提交，还有 9 天。',
      '收入证明',
      '儿子每月给您多少生活费？',
      '提交补充材料',
      '高龄津贴',
      '每月 50 元，自 2026 年 4 月起发放',
      '2026年3月10日 10:00',
      '坞城街道办事处，电话 0351-7654321',
      '儿子，2026年3月3日起关注',
      'JX20260301-K7QM',
      '他们在自己的微信里就能看到每项补助的进度',
    ]) {
      expect(text).toContain(shown)
    }
    // WeChat sends status messages: nothing here says it cannot.
    expect(text).not.toContain('网页版')
    await page.tap('打电话给坞城街道办事处')
    expect(wx.phoneCalls).toEqual(['0351-7654321'])
  })

  it('asks WeChat for status messages only when tapped, and records what the person accepted', async () => {
    const page = await renderPage('subpackages/track/detail/index', { id: APPLICATION_ID })
    await until(() => page.text().includes('状态有变化时微信通知我'))
    expect(wx.subscribeRequests).toEqual([])
    await page.tap('状态有变化时微信通知我')
    await until(() => page.text().includes('已开启通知'))
    expect(wx.subscribeRequests).toEqual([[TEMPLATE]])
    const recorded = wx.requests.find((call) => call.url.endsWith('/api/v1/subscriptions'))
    expect(recorded?.data).toEqual({ templateIds: [TEMPLATE] })
  })

  it('makes an invitation code to share with a relative and copies it', async () => {
    const page = await renderPage('subpackages/track/detail/index', { id: APPLICATION_ID })
    await until(() => page.text().includes('邀请家人关注'))
    await page.tap('邀请家人关注')
    await until(() => page.text().includes('AB3CD-7EFGH'))
    expect(page.text()).toContain('发给微信好友')
    await page.tap('复制邀请码')
    expect(wx.clipboard).toEqual(['AB3CD-7EFGH'])
  })

  it('the 我的申请 tab lists the application, the benefit needing her highlighted with its due date', async () => {
    const page = await renderPage('pages/applications/index')
    await until(() => page.text().includes('王淑芬的申请'))
    expect(page.text()).toContain('需要您补充材料')
    expect(page.text()).toContain('最低生活保障：请在 3月20日 前补充，还有 9 天')
    expect(page.text()).toContain('申请编号 JX20260301-K7QM')
    await page.tap('王淑芬的申请')
    expect(wx.navigations).toEqual([`/subpackages/track/detail/index?id=${APPLICATION_ID}`])
  })
})
