// The API documentation at /api/docs, as an integrator opens it in chromium: it draws every group of
// routes with the Chinese summaries, shows a case event example and both ways of proving who calls,
// and runs under its own Content-Security-Policy without one inline script or one violation.
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseUrl, launch } from './browser'
import { artifacts } from './phone'

jest.setTimeout(90_000)

let browser: Browser
let context: BrowserContext
let page: Page
const problems: string[] = []

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())
beforeEach(async () => {
  problems.length = 0
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  page = await context.newPage()
  // Registered before any page script runs; the page's own policy does not apply to it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const seen = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= [])
      seen.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
})
afterEach(async () => context?.close())

const violations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])

describe('the API documentation at /api/docs', () => {
  it('is served with a policy that allows no inline script', async () => {
    const response = await page.goto(`${baseUrl()}/api/docs`)
    expect(response?.status()).toBe(200)
    const policy = response?.headers()['content-security-policy'] ?? ''
    const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1] ?? ''
    expect(scriptSources).toContain("'self'")
    expect(scriptSources).not.toContain('unsafe-inline')
    expect(scriptSources).not.toContain('unsafe-eval')
  })

  it('draws every group of routes with the Chinese summaries, and a case event example, without a policy violation', async () => {
    await page.goto(`${baseUrl()}/api/docs`)
    await page.getByText('晋心助手 API', { exact: false }).first().waitFor()
    for (const tag of ['system', 'auth', 'screening', 'care', 'apply', 'track', 'review']) {
      await page.locator(`.opblock-tag[data-tag="${tag}"]`).waitFor()
    }
    const caseEvents = page.locator('.opblock-summary', { hasText: '/api/v1/case-events' }).filter({ hasText: '民政审核系统通知申请事项的状态变化' })
    await caseEvents.first().click()
    // The request body's example as an integrator would copy it, and the answers, with the 409 refusal.
    const operation = page.locator('.opblock.is-open')
    await operation.getByText('"eventId"', { exact: false }).first().waitFor()
    await expect(operation.innerText()).resolves.toContain('dibao-accepted-')
    await expect(operation.innerText()).resolves.toContain('invalid_transition')
    await page.screenshot({ path: join(artifacts, 'api-docs.png') })
    expect(await violations()).toEqual([])
    expect(problems).toEqual([])
  })

  it('explains signing in and the review system’s signature under Authorize', async () => {
    await page.goto(`${baseUrl()}/api/docs`)
    await page.getByRole('button', { name: /Authorize/ }).first().click()
    const dialog = page.locator('.dialog-ux')
    await dialog.getByText('bearerAuth').first().waitFor()
    const text = await dialog.innerText()
    expect(text).toContain('Authorization: Bearer <token>')
    expect(text).toContain('caseEventSignature')
    expect(text).toContain('X-Signature: sha256=<hex>')
    expect(await violations()).toEqual([])
    expect(problems).toEqual([])
  })
})
