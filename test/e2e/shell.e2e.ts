import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { openRoute } from './browser'
import { artifacts, seriousViolations, smallTapTargets, textSizes, turnOnElderMode, usePhoneBrowser } from './phone'

jest.setTimeout(90_000)

const routes = ['pages/index/index', 'pages/care/index', 'pages/applications/index', 'pages/me/index', 'subpackages/info/privacy/index', 'subpackages/info/about/index']

const phone = usePhoneBrowser()
let page: Page
beforeEach(() => {
  page = phone.page
})

describe('the app shell in a phone-size browser', () => {
  it('renders home with its greeting, the hotline and the four tabs', async () => {
    await openRoute(page, 'pages/index/index')
    await expectVisible('您好，有什么可以帮您？')
    await expectVisible('12345 政务服务便民热线，可咨询社会救助政策')
    for (const tab of ['首页', '找服务', '我的申请', '我的']) await expect(page.getByText(tab, { exact: true }).first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: join(artifacts, 'home-standard.png') })
  })

  it('in elder mode shows body text of at least 18 px and tap targets of at least 60 × 60 px', async () => {
    await turnOnElderMode(page)
    for (const route of ['pages/index/index', 'pages/me/index']) {
      await openRoute(page, route)
      const small = (await textSizes(page)).filter((t) => t.size < 18)
      expect(small).toEqual([])
      expect(await smallTapTargets(page)).toEqual([])
    }
    await openRoute(page, 'pages/index/index')
    await page.screenshot({ path: join(artifacts, 'home-elder.png') })
  })

  it('keeps elder mode after a reload', async () => {
    await turnOnElderMode(page)
    await page.reload()
    await openRoute(page, 'pages/index/index')
    const sizes = await textSizes(page)
    expect(Math.min(...sizes.map((t) => t.size))).toBeGreaterThanOrEqual(18)
  })

  it.each([false, true])('has no serious or critical accessibility violation on any page (elder mode: %s)', async (elder) => {
    if (elder) await turnOnElderMode(page)
    for (const route of routes) {
      await openRoute(page, route)
      expect(await seriousViolations(page, route)).toEqual([])
    }
  })
})

async function expectVisible(text: string) {
  await page.getByText(text).first().waitFor({ state: 'visible' })
}
