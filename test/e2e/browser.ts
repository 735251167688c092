/** Debian's chromium driven by playwright-core at phone size, as residents see the H5 app. */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const phone = { width: 390, height: 844 }

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`')
  return url
}

export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\``)
  // Playwright gives every launch a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function phoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', ...options })
}

/** Opens an app route (`pages/me/index`) and waits until the page has rendered its content. */
export async function openRoute(page: Page, route: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/${route}`)
  // Taro keeps earlier pages in the document, hidden; wait for the one on screen.
  await page.locator('.jx-page__body:visible').first().waitFor({ state: 'visible' })
}
