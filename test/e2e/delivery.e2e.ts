import type { Page } from 'playwright-core'
import { baseUrl, openRoute } from './browser'
import { answerScreenerAsWangXiuying, usePhoneBrowser } from './phone'

jest.setTimeout(180_000)

/** Collects what the page's content-security policy refused (a string: it runs inside the page). */
const recordViolations = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});`

const phone = usePhoneBrowser(async (page) => {
  await page.addInitScript(recordViolations)
})
let page: Page
beforeEach(() => {
  page = phone.page
})

const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)

async function openScreenerFromHome() {
  await page.getByRole('link', { name: '查资格' }).click()
  await page.getByRole('heading', { level: 1, name: '查一查您家可能符合哪些补助' }).waitFor()
}

describe('the H5 app under a strict content-security policy, and without the network', () => {
  it('runs home and the screener with no inline script and nothing refused by the policy', async () => {
    const refusedInConsole: string[] = []
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refusedInConsole.push(message.text())
    })
    const response = await page.goto(`${baseUrl()}/`)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';")
    await page.locator('.jx-home__entry').first().waitFor()
    // The root font size the rem-based styles rest on is set by the app's first script, not inline.
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe(`${(40 * 390) / 750}px`)
    expect(await page.locator('script:not([src])').count()).toBe(0)
    await openScreenerFromHome()
    await answerScreenerAsWangXiuying(() => page)
    expect(await violations()).toEqual([])
    expect(refusedInConsole).toEqual([])
  })

  it('after one visit, opens home and answers the whole screener with the network gone', async () => {
    await openRoute(page, 'pages/index/index')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await phone.context.setOffline(true)
    await page.reload()
    await page.getByText('您好，有什么可以帮您？').first().waitFor()
    await openScreenerFromHome()
    await answerScreenerAsWangXiuying(() => page)
    await expect(page.getByText('最低生活保障').first().isVisible()).resolves.toBe(true)
  })
})
