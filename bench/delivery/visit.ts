/**
 * One visit to the H5 home page in chromium at phone size, with the network and the CPU slowed through
 * the DevTools protocol as DevTools' own throttling does: every response waits `latencyMs` and all of them
 * share `downloadKbps`; the CPU runs `CPU_SLOWDOWN` times slower. Measured in the page: LCP (the largest
 * contentful paint) and the moment home's entries are on screen (usable: they are drawn by the app's
 * script, so its handlers are attached). Measured at the server: the bytes it wrote during the visit.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { phoneContext } from '../../test/e2e/browser'
import type { DeliveryServer } from './servers'

export interface NetworkProfile {
  label: string
  /** Added to every response, in milliseconds; 0 with no throughput limits means the line is not slowed. */
  latencyMs: number
  downloadKbps: number
  uploadKbps: number
}

export const profiles = {
  fast: { label: 'fast line', latencyMs: 0, downloadKbps: 0, uploadKbps: 0 },
  mobile: { label: 'mobile (150 ms, 1.6 Mbps)', latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 },
  slow3g: { label: 'slow 3G (2 s, 400 kbps)', latencyMs: 2000, downloadKbps: 400, uploadKbps: 400 },
} satisfies Record<string, NetworkProfile>

export const CPU_SLOWDOWN = 4
/** Home is usable once its entries (查资格, 一次申请 …) are drawn. */
const USABLE_SELECTOR = '.jx-home__entry'
const VISIT_TIMEOUT_MS = 180_000

export interface Visit {
  /** Bytes the server wrote until home was usable, headers included. */
  bytesUntilUsable: number
  /** Bytes the server wrote during the whole visit: with the service worker's set-up afterwards, if any. */
  bytes: number
  /** Requests the server answered. */
  served: number
  /** Requests the page made, whoever answered them (server, HTTP cache or service worker). */
  requests: number
  lcpMs: number
  usableMs: number
}

/**
 * Runs in every page before its own scripts (through DevTools, so no content-security policy applies).
 * A string, not a function: the TypeScript loader would add helpers that do not exist in the page.
 */
const recordTimings = `(() => {
  const marks = { lcp: 0, usable: -1 }
  window.__jxDelivery = marks
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.lcp = entry.startTime
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  new MutationObserver(() => {
    if (marks.usable !== -1 || !document.querySelector(${JSON.stringify(USABLE_SELECTOR)})) return
    marks.usable = 0
    // The frame that shows it.
    requestAnimationFrame(() => { marks.usable = performance.now() })
  }).observe(document, { childList: true, subtree: true })
})()`

const kbpsToBytesPerSecond = (kbps: number) => (kbps > 0 ? (kbps * 1000) / 8 : -1)

async function throttle(context: BrowserContext, page: Page, profile: NetworkProfile): Promise<{ requests(): number }> {
  const cdp = await context.newCDPSession(page)
  let requests = 0
  cdp.on('Network.requestWillBeSent', () => {
    requests += 1
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: kbpsToBytesPerSecond(profile.downloadKbps),
    uploadThroughput: kbpsToBytesPerSecond(profile.uploadKbps),
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  return { requests: () => requests }
}

/** Waits until the page has settled: nothing in flight, and its service worker (if it has one) active with its files stored. */
async function settle(page: Page, server: DeliveryServer): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: VISIT_TIMEOUT_MS })
  if (!server.serviceWorkers) return
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    if (registration) await navigator.serviceWorker.ready
  })
  await page.waitForLoadState('networkidle', { timeout: VISIT_TIMEOUT_MS })
}

/** One visit in a new page of `context` (whose cache and service worker it shares). */
export async function visit(context: BrowserContext, server: DeliveryServer, profile: NetworkProfile): Promise<Visit> {
  const page = await context.newPage()
  try {
    await page.addInitScript(recordTimings)
    const counter = await throttle(context, page, profile)
    const before = server.bytesSent()
    const servedBefore = server.requestsServed()
    await page.goto(`${server.url}/`, { waitUntil: 'commit', timeout: VISIT_TIMEOUT_MS })
    await page.waitForFunction(() => (window as unknown as { __jxDelivery: { usable: number } }).__jxDelivery.usable > 0, undefined, { timeout: VISIT_TIMEOUT_MS, polling: 100 })
    const bytesUntilUsable = server.bytesSent() - before
    await settle(page, server)
    const marks = await page.evaluate(() => (window as unknown as { __jxDelivery: { lcp: number; usable: number } }).__jxDelivery)
    return {
      bytesUntilUsable,
      bytes: server.bytesSent() - before,
      served: server.requestsServed() - servedBefore,
      requests: counter.requests(),
      lcpMs: marks.lcp,
      usableMs: marks.usable,
    }
  } finally {
    await page.close()
  }
}

/** A first visit in a fresh profile (empty cache, no service worker), then `repeat` returns to it later. */
export async function coldThenRepeat(browser: Browser, server: DeliveryServer, cold: NetworkProfile, repeat?: NetworkProfile): Promise<{ cold: Visit; repeat?: Visit }> {
  const context = await phoneContext(browser, { serviceWorkers: server.serviceWorkers ? 'allow' : 'block' })
  try {
    const first = await visit(context, server, cold)
    return { cold: first, repeat: repeat ? await visit(context, server, repeat) : undefined }
  } finally {
    await context.close()
  }
}
