/** What every browser test shares: a phone-size page per test, elder mode, and the measures we hold pages to. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launch, openRoute, phoneContext } from './browser'

/** Screenshots land here (git-ignored). */
export const artifacts = join(__dirname, 'artifacts')

export interface PhoneSession {
  browser: Browser
  context: BrowserContext
  page: Page
}

/** One chromium for the test file, and a fresh phone-size context and page for every test. */
export function usePhoneBrowser(prepare?: (page: Page) => Promise<void>): PhoneSession {
  const session = {} as PhoneSession
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    session.browser = await launch()
  })
  afterAll(async () => session.browser?.close())
  beforeEach(async () => {
    session.context = await phoneContext(session.browser)
    session.page = await session.context.newPage()
    await prepare?.(session.page)
  })
  afterEach(async () => session.context?.close())
  return session
}

export async function turnOnElderMode(page: Page): Promise<void> {
  await openRoute(page, 'pages/me/index')
  await page.getByRole('switch', { name: '关怀模式' }).click()
  await page.getByRole('switch', { name: '关怀模式', checked: true }).waitFor()
}

/** Every visible element that shows text of its own, with its computed font size. */
export function textSizes(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => el.offsetParent !== null && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
      .map((el) => ({ text: el.textContent?.trim().slice(0, 20), size: parseFloat(getComputedStyle(el).fontSize) })),
  )
}

/** Every visible thing a person can tap or type into, with its size on screen. */
export function tapTargets(page: Page) {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>(
        '.nut-button, .nut-cell--clickable, [role=link], [role=switch], [role=button], [role=radio], [role=checkbox], button, a[href], input, .weui-tabbar__item',
      ),
    )
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const box = el.getBoundingClientRect()
        return { label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20), width: box.width, height: box.height }
      }),
  )
}

/** Tap targets smaller than the elder-mode minimum of 60 × 60 px. */
export async function smallTapTargets(page: Page) {
  return (await tapTargets(page)).filter((target) => target.width < 60 || target.height < 60)
}

/** axe's serious and critical findings on the page as it is now. */
export async function seriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ where, rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }))
}

/**
 * Answering question pages as a person does, on the test's current page (`page()`): the question is
 * the page's heading; NutUI's Button sits under a Taro element, so the .nut-button itself is clicked.
 */
export function questionPages(page: () => Page) {
  const expectHeading = (text: string) => page().getByRole('heading', { level: 1 }).filter({ hasText: text }).waitFor()
  const press = (label: string) => page().locator('.nut-button:visible', { hasText: label }).first().click()
  return {
    expectHeading,
    press,
    async choose(heading: string, option: string) {
      await expectHeading(heading)
      await page().getByRole('radio', { name: option, exact: true }).click()
      await press('继续')
    },
    async answer(heading: string, value: string) {
      await expectHeading(heading)
      await page().getByLabel(heading, { exact: true }).fill(value)
      await press('继续')
    },
  }
}

/**
 * 王秀英, 82, alone in 太原市 (city): no income, savings, property or anyone able to support her. Answers
 * the screener from its first question (already opened) to the results, as she would.
 */
export async function answerScreenerAsWangXiuying(page: () => Page): Promise<void> {
  const { press, choose, answer, expectHeading } = questionPages(page)
  await press('开始')
  await choose('您住在山西省哪个市？', '太原市')
  await choose('您家在城市还是农村？', '城市（社区、居委会）')
  await choose('您的户口在山西省吗？', '在山西省')
  await answer('家里一共几口人（包括您自己）？', '1')
  await answer('您的年龄是多少？', '82')
  await choose('您有残疾人证吗？是几级？', '没有残疾人证')
  await choose('您的生活能自理吗？', '都能自己做')
  await answer('全家每个月收入一共大约多少元？', '0')
  await answer('全家的存款、理财一共大约多少元？', '0')
  await choose('家里有没有汽车、第二套房子或自己的公司？', '没有')
  await answer('过去 12 个月，全家看病、上学一共自己花了多少元？（可选）', '0')
  await choose('有没有能够赡养、抚养或扶养您家的亲属？', '没有')
  await choose('最近家里有没有遇到突然的困难？', '没有')
  await expectHeading('自测结果')
}
