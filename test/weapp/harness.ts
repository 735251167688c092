/**
 * Loads pages of the real weapp build (dist/) in miniprogram-simulate: a stand-in for WeChat's
 * App/Page/wx globals, then the built app.js, then the page, rendered and attached to a DOM.
 */
import path from 'path'
import fs from 'fs'

// CommonJS packages without types of their own (declared in types/miniprogram-simulate.d.ts).
import * as simulate from 'miniprogram-simulate'
import * as exparser from 'miniprogram-exparser'

export const distDir = path.resolve(__dirname, '../..', process.env.JX_DIST ?? 'dist')

export interface RequestCall {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
}

export interface WxStub {
  storage: Map<string, unknown>
  requests: RequestCall[]
  phoneCalls: string[]
  navigations: string[]
  /** What `wx.request` answers; a test replaces it to act as the server. */
  respond: (call: RequestCall) => { statusCode: number; data: unknown }
  fontSizeSetting: number
  /** The listener the app gave wx.onNeedPrivacyAuthorization, to play WeChat asking for consent. */
  privacyListener?: (resolve: (answer: { event: string; buttonId?: string }) => void) => void
  /** The template ids of each wx.requestSubscribeMessage, and how the person answers each. */
  subscribeRequests: string[][]
  subscribeAnswer: 'accept' | 'reject'
  /** What was put on the clipboard. */
  clipboard: string[]
}

type Callbacks = { success?: (result: unknown) => void; fail?: (error: unknown) => void; complete?: (result: unknown) => void }

function settle<T>(options: Callbacks | undefined, result: T): Promise<T> {
  options?.success?.(result)
  options?.complete?.(result)
  return Promise.resolve(result)
}

function createWx(stub: WxStub) {
  const systemInfo = {
    platform: 'devtools',
    system: 'iOS 17',
    model: 'iPhone',
    pixelRatio: 2,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 844,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.50',
    SDKVersion: '3.5.0',
    get fontSizeSetting() {
      return stub.fontSizeSetting
    },
  }
  const navigate = (options: Callbacks & { url?: string }) => {
    stub.navigations.push(options.url ?? '')
    return settle(options, { errMsg: 'ok' })
  }
  return {
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: (options: Callbacks) => settle(options, systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getMenuButtonBoundingClientRect: () => ({ top: 24, bottom: 56, left: 300, right: 380, width: 80, height: 32 }),
    getStorageSync: (key: string) => (stub.storage.has(key) ? stub.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void stub.storage.set(key, value),
    removeStorageSync: (key: string) => void stub.storage.delete(key),
    getStorage: (options: Callbacks & { key: string }) => settle(options, { data: stub.storage.get(options.key) }),
    setStorage: (options: Callbacks & { key: string; data: unknown }) => {
      stub.storage.set(options.key, options.data)
      return settle(options, { errMsg: 'ok' })
    },
    request: (options: Callbacks & RequestCall) => {
      stub.requests.push({ url: options.url, method: options.method, data: options.data, header: options.header })
      const answer = stub.respond(options)
      setTimeout(() => {
        options.success?.({ ...answer, header: {}, errMsg: 'request:ok' })
        options.complete?.({ errMsg: 'request:ok' })
      }, 0)
      return { abort: () => undefined }
    },
    login: (options: Callbacks) => settle(options, { code: 'simulate-code', errMsg: 'login:ok' }),
    makePhoneCall: (options: Callbacks & { phoneNumber: string }) => {
      stub.phoneCalls.push(options.phoneNumber)
      return settle(options, { errMsg: 'ok' })
    },
    navigateTo: navigate,
    redirectTo: navigate,
    switchTab: navigate,
    navigateBack: navigate,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    stopPullDownRefresh: (options: Callbacks) => settle(options, { errMsg: 'stopPullDownRefresh:ok' }),
    onNeedPrivacyAuthorization: (listener: WxStub['privacyListener']) => {
      stub.privacyListener = listener
    },
    requestSubscribeMessage: (options: Callbacks & { tmplIds: string[] }) => {
      stub.subscribeRequests.push(options.tmplIds)
      return settle(options, { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(options.tmplIds.map((id) => [id, stub.subscribeAnswer])) })
    },
    setClipboardData: (options: Callbacks & { data: string }) => {
      stub.clipboard.push(options.data)
      return settle(options, { errMsg: 'setClipboardData:ok' })
    },
    createSelectorQuery: () => ({ select: () => ({ boundingClientRect: () => ({ exec: () => undefined }) }), exec: () => undefined }),
    canIUse: () => true,
  }
}

let stub: WxStub | undefined

/** Sets up WeChat's globals and runs the built app.js once per test file. */
export function startApp(overrides: Partial<WxStub> = {}): WxStub {
  if (!fs.existsSync(path.join(distDir, 'app.js'))) {
    throw new Error('dist/app.js is missing: run `npm run build:weapp` first')
  }
  if (stub) return Object.assign(stub, overrides)
  stub = {
    storage: new Map(),
    requests: [],
    phoneCalls: [],
    navigations: [],
    respond: () => ({ statusCode: 404, data: { error: 'not_found', message: 'no server in this test' } }),
    fontSizeSetting: 17,
    subscribeRequests: [],
    subscribeAnswer: 'accept',
    clipboard: [],
    ...overrides,
  }
  const g = globalThis as unknown as Record<string, unknown>
  g.wx = createWx(stub)
  let app: Record<string, unknown> = {}
  const pages: unknown[] = []
  g.App = (config: Record<string, unknown>) => {
    app = config
    ;(config.onLaunch as ((options: unknown) => void) | undefined)?.call(config, { path: 'pages/index/index', query: {} })
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages
  // A page is run as a component whose attach plays the page's own life cycle.
  g.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
    const Component = g.Component as (definition: unknown) => void
    Component({
      data: config.data,
      methods,
      lifetimes: {
        attached(this: Record<string, (arg?: unknown) => void>) {
          pages.push(this)
          this.onLoad?.(pageQuery)
          this.onShow?.()
          this.onReady?.()
        },
      },
    })
  }
  require(path.join(distDir, 'app.js'))
  return stub
}

export interface PageNode {
  [prop: string]: unknown
  cn?: PageNode[]
}

export interface RenderedPage {
  /** Everything the page shows, as one string of text. */
  text(): string
  /** Taps the innermost element whose text contains `label`. */
  tap(label: string): Promise<void>
  /** Delivers another WeChat event (`agreeprivacyauthorization` …) to the element showing `label`. */
  fire(label: string, event: string): Promise<void>
  /** Lets React and the page finish what an outside event (a WeChat callback) started. */
  settle(): Promise<void>
  /** The nodes WeChat's template renders from (the page's data), each with the props it binds. */
  nodes(): PageNode[]
  dom: HTMLElement
}

/** The query the next page opens with, as WeChat passes it to onLoad. */
let pageQuery: Record<string, string> = {}

/** Loads and attaches one built page (`pages/index/index`), then lets React finish rendering. */
const loaded = new Map<string, string>()

export async function renderPage(pagePath: string, query: Record<string, string> = {}): Promise<RenderedPage> {
  pageQuery = query
  // A built page's chunk runs once per process, so each page is loaded once and rendered as often as needed.
  const id = loaded.get(pagePath) ?? simulate.load(path.join(distDir, pagePath), 'page', { rootPath: distDir })
  loaded.set(pagePath, id)
  const page = simulate.render(id)
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  page.attach(parent)
  await settleRender()
  const dom = page.dom as HTMLElement
  const fire = async (label: string, event: string) => {
    const target = findByText(dom, label)
    if (!target) throw new Error(`nothing on the page says “${label}”; it shows: ${dom.textContent}`)
    fireOn(target, event)
    await settleRender()
  }
  return {
    dom,
    text: () => (dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
    tap: (label: string) => fire(label, 'tap'),
    fire,
    settle: settleRender,
    nodes() {
      const root = (page as unknown as { instance: { data: { root: PageNode } } }).instance.data.root
      const all: PageNode[] = []
      const walk = (node: PageNode) => {
        all.push(node)
        node.cn?.forEach(walk)
      }
      walk(root)
      return all
    },
  }
}

/** The innermost element whose text contains the label. */
function findByText(root: HTMLElement, label: string): HTMLElement | undefined {
  const matching = [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))].filter((node) => node.textContent?.includes(label))
  return matching[matching.length - 1]
}

/** An event as WeChat delivers it: an exparser event that bubbles up to the element holding the handler. */
function fireOn(element: HTMLElement, event: string) {
  const wxElement = (element as HTMLElement & { __wxElement?: unknown }).__wxElement
  if (!wxElement) throw new Error('that element is not part of the rendered page')
  exparser.Event.dispatchEvent(wxElement, exparser.Event.create(event, {}, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }))
}

async function settleRender() {
  for (let i = 0; i < 5; i += 1) await simulate.sleep(10)
}
