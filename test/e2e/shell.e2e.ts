import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launch, openRoute, phoneContext } from './browser'

jest.setTimeout(90_000)

const artifacts = join(__dirname, 'artifacts')
const routes = ['pages/index/index', 'pages/care/index', 'pages/applications/index', 'pages/me/index', 'subpackages/info/privacy/index', 'subpackages/info/about/index']

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  browser = await launch()
})
afterAll(async () => browser?.close())
beforeEach(async () => {
  context = await phoneContext(browser)
  page = await context.newPage()
})
afterEach(async () => context?.close())

async function turnOnElderMode() {
  await openRoute(page, 'pages/me/index')
  await page.getByRole('switch', { name: '关怀模式' }).click()
  await page.getByRole('switch', { name: '关怀模式', checked: true }).waitFor()
}

/** Every visible element that shows text of its own, with its computed font size. */
function textSizes() {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => el.offsetParent !== null && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
      .map((el) => ({ text: el.textContent?.trim().slice(0, 20), size: parseFloat(getComputedStyle(el).fontSize), lineHeight: getComputedStyle(el).lineHeight })),
  )
}

/** Every visible thing a person can tap, with its size on screen. */
function tapTargets() {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.nut-button, .nut-cell--clickable, [role=link], [role=switch], [role=button], button, a[href], .weui-tabbar__item'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const box = el.getBoundingClientRect()
        return { label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20), width: box.width, height: box.height }
      }),
  )
}

describe('the app shell in a phone-size browser', () => {
  it('renders home with its greeting, the hotline and the four tabs', async () => {
    await openRoute(page, 'pages/index/index')
    await expectVisible('您好，有什么可以帮您？')
    await expectVisible('12345 政务服务便民热线，可咨询社会救助政策')
    for (const tab of ['首页', '找服务', '我的申请', '我的']) await expect(page.getByText(tab, { exact: true }).first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: join(artifacts, 'home-standard.png') })
  })

  it('in elder mode shows body text of at least 18 px and tap targets of at least 60 × 60 px', async () => {
    await turnOnElderMode()
    for (const route of ['pages/index/index', 'pages/me/index']) {
      await openRoute(page, route)
      const small = (await textSizes()).filter((t) => t.size < 18)
      expect(small).toEqual([])
      const tiny = (await tapTargets()).filter((t) => t.width < 60 || t.height < 60)
      expect(tiny).toEqual([])
    }
    await openRoute(page, 'pages/index/index')
    await page.screenshot({ path: join(artifacts, 'home-elder.png') })
  })

  it('keeps elder mode after a reload', async () => {
    await turnOnElderMode()
    await page.reload()
    await openRoute(page, 'pages/index/index')
    const sizes = await textSizes()
    expect(Math.min(...sizes.map((t) => t.size))).toBeGreaterThanOrEqual(18)
  })

  it.each([false, true])('has no serious or critical accessibility violation on any page (elder mode: %s)', async (elder) => {
    if (elder) await turnOnElderMode()
    for (const route of routes) {
      await openRoute(page, route)
      const results = await new AxeBuilder({ page }).analyze()
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ route, rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }))
      expect(serious).toEqual([])
    }
  })
})

async function expectVisible(text: string) {
  await page.getByText(text).first().waitFor({ state: 'visible' })
}
