import { canteen, daycare, institution, nearbyAnswer, near, XIAODIAN } from '../fixtures/care'
import fs from 'fs'
import path from 'path'
import { distDir, renderPage, startApp, type RequestCall } from './harness'

/**
 * What WeChat's location API does in this test: refuse, or give a GCJ-02 point. The harness's wx
 * has no getFuzzyLocation, and Taro wraps only the wx functions present when app.js starts, so
 * ours is added to the wx object at the moment the harness installs it.
 */
let fuzzyLocation: 'deny' | { latitude: number; longitude: number } = 'deny'
const locationCalls: unknown[] = []
type Callbacks = { success?: (result: unknown) => void; fail?: (error: unknown) => void; complete?: (result: unknown) => void }
const extraWx = {
  getFuzzyLocation(options: Callbacks & { type?: string }) {
    locationCalls.push({ type: options.type })
    setTimeout(() => {
      const result = fuzzyLocation === 'deny' ? { errMsg: 'getFuzzyLocation:fail auth deny' } : { ...fuzzyLocation, errMsg: 'getFuzzyLocation:ok' }
      if (fuzzyLocation === 'deny') options.fail?.(result)
      else options.success?.(result)
      options.complete?.(result)
    }, 0)
  },
}
let installed: unknown
Object.defineProperty(globalThis, 'wx', {
  configurable: true,
  get: () => installed,
  set: (value: object) => {
    installed = Object.assign(value, extraWx)
  },
})

const places = [canteen(), daycare(), institution(), canteen({ name: '小店街道幸福食堂', ...near(XIAODIAN, -4.9), meals: { lunch: { priceFen: 1600, elderPriceFen: 850 } } })]

/** Acts as the server: `GET /facilities/nearby` answered from the fixtures by the domain's own search. */
function respond(call: RequestCall) {
  const url = new URL(call.url, 'https://api.example')
  if (url.pathname !== '/api/v1/facilities/nearby') return { statusCode: 404, data: { error: 'not_found', message: '没有找到' } }
  return { statusCode: 200, data: nearbyAnswer(places, Object.fromEntries(url.searchParams)) }
}

const nearbyCalls = (calls: RequestCall[]) => calls.filter((call) => call.url.includes('/facilities/nearby')).map((call) => new URL(call.url, 'https://api.example').searchParams)

async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('the built WeChat 找服务 page', () => {
  const wx = startApp({ respond })

  beforeEach(() => {
    wx.storage.clear()
    wx.requests.length = 0
    wx.navigations.length = 0
  })

  it('explains why it wants the location before asking, and offers choosing a place', async () => {
    const page = await renderPage('pages/care/index')
    expect(page.text()).toContain('用于查找离您最近的老年食堂、日间照料中心和养老机构，只用一次，不保存。')
    expect(page.text()).toContain('使用我的大致位置')
    expect(page.text()).toContain('选择城市和区县')
    expect(locationCalls).toHaveLength(0)
  })

  it('when location is refused, lets the person choose 太原市 小店区 and lists what is nearest', async () => {
    fuzzyLocation = 'deny'
    const page = await renderPage('pages/care/index')
    await page.tap('使用我的大致位置')
    await until(() => page.text().includes('没有获得位置权限'))
    expect(locationCalls.at(-1)).toEqual({ type: 'gcj02' })
    expect(page.text()).toContain('没有获得位置权限也没关系')
    await page.tap('太原市')
    await page.tap('小店区')
    await until(() => page.text().includes('小店街道幸福食堂'))
    const text = page.text()
    expect(text).toContain('太原市小店区附近')
    expect(text).toContain('5 公里内找到 4 处，按距离由近到远')
    for (const shown of ['坞城街道学府社区老年助餐点', '1.2 公里', '营业中', '今日 11:00–13:30', '午餐老人价 8 元', '示例数据', '午餐老人价 8.5 元']) {
      expect(text).toContain(shown)
    }
    expect(text.indexOf('坞城街道学府社区老年助餐点')).toBeLessThan(text.indexOf('小店区颐和老年公寓'))
    const [query] = nearbyCalls(wx.requests)
    expect(query?.get('lat')).toBe('37.74')
    expect(query?.get('lng')).toBe('112.57')
    expect(wx.storage.get('jx.care.place')).toEqual({ countyCode: XIAODIAN })
    // WeChat's screen reader hears each row as one link, and each filter as a choice with its state.
    const nodes = page.nodes()
    expect(nodes.filter((node) => node.role === 'link').map((node) => node.ariaLabel)).toContain(
      '坞城街道学府社区老年助餐点，老年助餐点，1.2 公里，营业中，今日 11:00–13:30，午餐老人价 8 元，示例数据',
    )
    expect(nodes.find((node) => node.role === 'switch')).toMatchObject({ ariaLabel: '只看营业中', ariaChecked: false })
    const chosen = nodes.filter((node) => node.role === 'radio' && node.ariaChecked === true).map((node) => node.cn?.map((child) => child.v).join(''))
    expect(chosen).toEqual(['全部', '5 公里', '列表'])
  })

  it('shows the places as markers on WeChat’s map, from the list', async () => {
    wx.storage.set('jx.care.place', { countyCode: XIAODIAN })
    const page = await renderPage('pages/care/index')
    await until(() => page.text().includes('小店街道幸福食堂'))
    await page.tap('地图')
    // The page data names props by the template's short keys: read which key <map> binds to each attribute.
    const mapTag = /<map [^>]*>/.exec(fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8'))?.[0] ?? ''
    const key = (attribute: string) => new RegExp(` ${attribute}="\\{\\{i\\.(\\w+)`).exec(mapTag)?.[1] ?? attribute
    const map = page.nodes().find((node) => node.cl === 'jx-care-map__map')
    const markers = map?.[key('markers')] as { latitude: number; longitude: number; iconPath: string; callout: { content: string } }[]
    expect(markers.map((marker) => marker.callout.content)).toEqual(places.map((place) => place.name))
    expect(markers[0]).toMatchObject({ latitude: places[0]?.lat, longitude: places[0]?.lng, iconPath: '/assets/tabbar/care-active.png' })
    expect(fs.existsSync(path.join(distDir, 'assets/tabbar/care-active.png'))).toBe(true)
    expect([map?.[key('latitude')], map?.[key('longitude')]]).toEqual([37.74, 112.57])
  })

  it('searches from WeChat’s approximate location as it is (already GCJ-02), and opens a place', async () => {
    fuzzyLocation = { latitude: 37.751, longitude: 112.566 }
    const page = await renderPage('pages/care/index')
    await page.tap('使用我的大致位置')
    await until(() => page.text().includes('坞城街道学府社区老年助餐点'))
    expect(page.text()).toContain('您的大致位置附近')
    const [query] = nearbyCalls(wx.requests)
    expect(query?.get('lat')).toBe('37.751')
    expect(query?.get('lng')).toBe('112.566')
    expect(wx.storage.has('jx.care.place')).toBe(false)
    await page.tap('坞城街道学府社区老年助餐点')
    expect(wx.navigations).toEqual([`/subpackages/care/detail/index?id=${places[0]?.id}`])
  })

  it('filters to canteens open now', async () => {
    wx.storage.set('jx.care.place', { countyCode: XIAODIAN })
    const page = await renderPage('pages/care/index')
    await until(() => page.text().includes('小店街道幸福食堂'))
    await page.tap('老年食堂')
    await until(() => nearbyCalls(wx.requests).length >= 2)
    await page.tap('只看营业中')
    await until(() => nearbyCalls(wx.requests).length >= 3)
    const last = nearbyCalls(wx.requests).at(-1)
    expect(last?.get('types')).toBe('canteen')
    expect(last?.get('openAt')).toMatch(/\+08:00$/)
  })

  it('builds the detail page into the care subpackage', async () => {
    const page = await renderPage('subpackages/care/detail/index')
    // Opened without an id (as this harness opens pages), it says so plainly.
    await until(() => page.text().includes('没有找到这个机构'))
    expect(page.text()).toContain('没有找到这个机构')
  })
})
