/**
 * 找服务 in a phone-size chromium against the real server and its seeded sample data.
 *
 * The clock: canteens open around lunch, so "open now" depends on the time. The page sends the
 * device's own time as `openAt` when 只看营业中 is on; this test fixes the browser's clock with
 * Playwright's clock API at Wednesday 2026-03-04 11:45 Asia/Shanghai (a weekday, no holiday),
 * so the same canteens are open whenever the test runs. The app has no test-only parameter.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { openRoute } from './browser'
import { artifacts, seriousViolations, smallTapTargets, textSizes, turnOnElderMode, usePhoneBrowser } from './phone'

jest.setTimeout(120_000)

const lunchTime = new Date('2026-03-04T11:45:00+08:00')

// No geolocation permission is granted: the browser refuses the location.
const phone = usePhoneBrowser((page) => page.clock.setFixedTime(lunchTime))
let page: Page
beforeEach(() => {
  page = phone.page
})

const visible = (selector: string) => page.locator(`${selector}:visible`)
const rows = () => visible('.jx-care-row[role=link]')

/** Metres from a row's distance text ('850 米', '1.2 公里'). */
function metres(text: string): number {
  const value = parseFloat(text)
  return text.includes('公里') ? value * 1000 : value
}

async function chooseXiaodianAfterRefusal() {
  await openRoute(page, 'pages/care/index')
  await page.getByText('用于查找离您最近的老年食堂、日间照料中心和养老机构，只用一次，不保存。').waitFor()
  await visible('.nut-button').filter({ hasText: '使用我的大致位置' }).click()
  await page.getByText('第一步：选择城市').waitFor()
  await expect(page.getByRole('status').filter({ hasText: /没有获得位置权限|暂时获取不到位置/ }).isVisible()).resolves.toBe(true)
  await page.getByRole('button', { name: '太原市', exact: true }).click()
  await page.getByRole('button', { name: '小店区', exact: true }).click()
  await page.getByRole('heading', { name: '太原市小店区附近' }).waitFor()
  await rows().first().waitFor()
}

describe('找服务 in a phone-size browser, against the seeded sample data', () => {
  it('refuse location, choose 太原市 小店区, canteens nearest first, open now, then one canteen’s call button and prices', async () => {
    await chooseXiaodianAfterRefusal()

    const canteens = page.waitForResponse((r) => r.url().includes('/facilities/nearby') && r.url().includes('types=canteen'))
    await page.getByRole('radio', { name: '老年食堂' }).click()
    await canteens
    await page.getByRole('radio', { name: '老年食堂', checked: true }).waitFor()
    await rows().first().waitFor()
    const types = await visible('.jx-care-row .jx-care-row__type').allTextContents()
    expect(types.length).toBeGreaterThan(3)
    expect(new Set(types)).toEqual(new Set(['老年助餐点']))
    const distances = (await visible('.jx-care-row .jx-care-row__distance').allTextContents()).map(metres)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    expect(await visible('.jx-care-row .jx-care-tag').count()).toBe(types.length)
    await expect(page.getByText(/目前显示的是示例数据/).isVisible()).resolves.toBe(true)

    const openNow = page.waitForResponse((r) => r.url().includes('/facilities/nearby') && r.url().includes('openAt=2026-03-04T11%3A45%3A00%2B08%3A00'))
    await page.getByRole('switch', { name: '只看营业中' }).click()
    await openNow
    await page.getByRole('switch', { name: '只看营业中', checked: true }).waitFor()
    await rows().first().waitFor()
    const statuses = await visible('.jx-care-row .jx-care-status').allTextContents()
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['营业中']))
    const openDistances = (await visible('.jx-care-row .jx-care-row__distance').allTextContents()).map(metres)
    expect(openDistances).toEqual([...openDistances].sort((a, b) => a - b))

    const first = rows().first()
    const name = (await first.locator('.jx-care-row__name').textContent())?.trim() ?? ''
    const elderPrice = (await first.locator('.jx-care-row__price').textContent())?.trim() ?? ''
    expect(elderPrice).toMatch(/^午餐老人价 \d+(\.\d+)? 元$/)
    await first.click()

    await page.getByRole('heading', { name, level: 1 }).waitFor()
    await expect(page.getByRole('button', { name: new RegExp(`^给${name}打电话 0\\d{2,3}-\\d+$`) }).isVisible()).resolves.toBe(true)
    await expect(visible('.nut-button').filter({ hasText: '打电话' }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('heading', { name: '餐费' }).isVisible()).resolves.toBe(true)
    const prices = await visible('.jx-care-price').allTextContents()
    expect(prices.some((line) => /午餐\s*标准价 \d+(\.\d+)? 元，老人价 \d+(\.\d+)? 元/.test(line))).toBe(true)
    expect(prices.join(' ')).toContain(elderPrice.replace(/^午餐老人价 /, '老人价 '))
    await expect(page.getByText(/这是示例数据/).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('heading', { name: '营业时间' }).isVisible()).resolves.toBe(true)
  })

  it('remembers the chosen place on the next visit', async () => {
    await chooseXiaodianAfterRefusal()
    await page.reload()
    await openRoute(page, 'pages/care/index')
    await page.getByRole('heading', { name: '太原市小店区附近' }).waitFor()
    await rows().first().waitFor()
  })

  it.each([false, true])('has no serious or critical accessibility violation on the list and the detail (elder mode: %s)', async (elder) => {
    if (elder) await turnOnElderMode(page)
    await chooseXiaodianAfterRefusal()
    const violations = await seriousViolations(page, 'list')
    await page.screenshot({ path: join(artifacts, `care-list-${elder ? 'elder' : 'standard'}.png`) })
    if (elder) {
      expect(await rows().count()).toBeLessThanOrEqual(10)
      expect((await textSizes(page)).filter((t) => t.size < 18)).toEqual([])
      expect(await smallTapTargets(page)).toEqual([])
    }
    await rows().first().click()
    await page.getByRole('heading', { name: '营业时间' }).waitFor()
    violations.push(...(await seriousViolations(page, 'detail')))
    await page.screenshot({ path: join(artifacts, `care-detail-${elder ? 'elder' : 'standard'}.png`), fullPage: true })
    if (elder) {
      expect((await textSizes(page)).filter((t) => t.size < 18)).toEqual([])
      expect(await smallTapTargets(page)).toEqual([])
    }
    expect(violations).toEqual([])
  })
})
