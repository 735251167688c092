import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '@/domain/care/gcj02'
import { findCounty } from '@/domain/care/regions'
import { ElderModeProvider } from '@/components/ElderMode'
import { PageShell } from '@/components/PageShell'
import { CareFinder } from '@/features/care/components/CareFinder'
import { api, ApiError } from '@/lib/api'
import { LocaleProvider } from '@/lib/i18n'
import { storageKeys, writeStored } from '@/lib/storage'
import { XIAODIAN, canteen, daycare, institution, near, nearbyAnswer } from '../fixtures/care'
import { renderScreen } from './render'

type Query = Record<string, string | number | boolean | undefined>

const places = [canteen(), daycare(), institution(), canteen({ name: '小店街道幸福食堂', ...near(XIAODIAN, -4.9), meals: { lunch: { priceFen: 1600, elderPriceFen: 850 } } })]

/** Acts as the server: answers every nearby search from the fixtures, and records what was asked. */
function serve(answer: (query: Query) => unknown = (query) => nearbyAnswer(places, query)) {
  const queries: Query[] = []
  const spy = jest.spyOn(api, 'request').mockImplementation(async (request) => {
    expect(request.path).toBe('/facilities/nearby')
    const query = request.query ?? {}
    queries.push(query)
    const result = answer(query)
    if (result instanceof Error) throw result
    return request.schema.parse(result)
  })
  return { queries, spy, last: () => queries[queries.length - 1] as Query }
}

function geolocation(behaviour: 'deny' | { lat: number; lng: number }) {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition(ok: PositionCallback, fail: PositionErrorCallback) {
        if (behaviour === 'deny') fail({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError)
        else ok({ coords: { latitude: behaviour.lat, longitude: behaviour.lng } } as GeolocationPosition)
      },
    },
  })
}

function chooseXiaodian() {
  writeStored('jx.care.place', { countyCode: XIAODIAN })
}

const tap = (element: HTMLElement) => act(async () => void fireEvent.click(element))
const rows = () => screen.getAllByRole('link')

afterEach(() => jest.restoreAllMocks())

describe('找服务: where to search from', () => {
  it('explains why before asking for the location, and offers choosing a place instead', () => {
    serve()
    renderScreen(<CareFinder />)
    expect(screen.getByText('用于查找离您最近的老年食堂、日间照料中心和养老机构，只用一次，不保存。')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '使用我的大致位置' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '选择城市和区县' })).toBeInTheDocument()
    expect(api.request).not.toHaveBeenCalled()
  })

  it('when location is refused, shows the picker: city, then county, searching from the county centre and remembering it', async () => {
    geolocation('deny')
    const server = serve()
    renderScreen(<CareFinder />)
    await tap(screen.getByRole('button', { name: '使用我的大致位置' }))
    expect(await screen.findByRole('status')).toHaveTextContent('没有获得位置权限也没关系')
    expect(screen.getAllByRole('button').filter((b) => b.textContent?.endsWith('市'))).toHaveLength(11)
    await tap(screen.getByRole('button', { name: '太原市' }))
    expect(screen.getByText('第二步：选择太原市的区县')).toBeInTheDocument()
    await tap(screen.getByRole('button', { name: '小店区' }))
    await screen.findByText('太原市小店区附近')
    const centre = findCounty(XIAODIAN)?.centre
    expect(server.last()).toMatchObject({ lat: centre?.lat, lng: centre?.lng, radiusKm: 5, limit: 20 })
    expect(JSON.parse(localStorage.getItem('jx.care.place') ?? '{}')).toMatchObject({ data: { countyCode: XIAODIAN } })
  })

  it('uses the browser location, converted from WGS-84 to GCJ-02, and keeps it nowhere', async () => {
    const wgs = { lat: 37.76, lng: 112.56 }
    geolocation(wgs)
    const server = serve()
    renderScreen(<CareFinder />)
    await tap(screen.getByRole('button', { name: '使用我的大致位置' }))
    await screen.findByText('您的大致位置附近')
    const gcj = wgs84ToGcj02(wgs)
    expect(server.last()).toMatchObject({ lat: gcj.lat, lng: gcj.lng })
    expect(Object.keys(localStorage).filter((key) => key.startsWith('jx.care'))).toEqual([])
  })

  it('searches at once from the place chosen last time', async () => {
    chooseXiaodian()
    const server = serve()
    renderScreen(<CareFinder />)
    expect(await screen.findByText('太原市小店区附近')).toBeInTheDocument()
    expect(server.queries).toHaveLength(1)
    await waitFor(() => expect(rows()).toHaveLength(4))
  })
})

describe('找服务: the list', () => {
  beforeEach(chooseXiaodian)

  it('shows each place nearest first with its type, distance, whether it is open, today’s hours and the elder price', async () => {
    serve()
    renderScreen(<CareFinder />)
    await waitFor(() => expect(rows()).toHaveLength(4))
    expect(rows().map((row) => row.querySelector('.jx-care-row__name')?.textContent)).toEqual([
      '坞城街道学府社区老年助餐点',
      '营盘街道长风社区日间照料中心',
      '小店区颐和老年公寓',
      '小店街道幸福食堂',
    ])
    const first = within(rows()[0] as HTMLElement)
    expect(first.getByText('1.2 公里')).toBeInTheDocument()
    expect(first.getByText('老年助餐点')).toBeInTheDocument()
    expect(first.getByText('营业中')).toBeInTheDocument()
    expect(first.getByText('今日 11:00–13:30')).toBeInTheDocument()
    expect(first.getByText('午餐老人价 8 元')).toBeInTheDocument()
    expect(first.getByText('示例数据')).toBeInTheDocument()
    expect(within(rows()[3] as HTMLElement).getByText('午餐老人价 8.5 元')).toBeInTheDocument()
    expect(within(rows()[1] as HTMLElement).queryByText(/老人价/)).not.toBeInTheDocument()
    expect(screen.getByText('5 公里内找到 4 处，按距离由近到远')).toBeInTheDocument()
    expect(screen.getByText(/目前显示的是示例数据/)).toBeInTheDocument()
  })

  it('names each row in one sentence for screen readers, and opens the place’s details', async () => {
    serve()
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    renderScreen(<CareFinder />)
    const row = await screen.findByRole('link', { name: '坞城街道学府社区老年助餐点，老年助餐点，1.2 公里，营业中，今日 11:00–13:30，午餐老人价 8 元，示例数据' })
    await tap(row)
    expect(navigate).toHaveBeenCalledWith({ url: `/subpackages/care/detail/index?id=${places[0]?.id}` })
  })

  it('filters by type, open now and distance, each changing what is asked of the server', async () => {
    const server = serve()
    renderScreen(<CareFinder />)
    await waitFor(() => expect(rows()).toHaveLength(4))
    expect(server.last().types).toBeUndefined()
    expect(server.last().openAt).toBeUndefined()

    await tap(screen.getByRole('radio', { name: '老年食堂' }))
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(server.last()).toMatchObject({ types: 'canteen', radiusKm: 5 })
    expect(screen.getByRole('radio', { name: '老年食堂' })).toHaveAttribute('aria-checked', 'true')

    await tap(screen.getByRole('switch', { name: '只看营业中' }))
    await waitFor(() => expect(server.last().openAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/))
    expect(screen.getByRole('switch', { name: '只看营业中' })).toHaveAttribute('aria-checked', 'true')

    await tap(screen.getByRole('radio', { name: '10 公里' }))
    await waitFor(() => expect(server.last()).toMatchObject({ types: 'canteen', radiusKm: 10 }))
    expect(screen.getByRole('radio', { name: '10 公里' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByRole('radio', { name: '5 公里' })).toHaveAttribute('aria-checked', 'false')
  })

  it('when nothing is near, says so and offers widening the search, which finds what is farther', async () => {
    const far = [canteen({ name: '晋源区远处食堂', lat: 37.74 + 8 / 111.32, lng: 112.57 })]
    const server = serve((query) => nearbyAnswer(far, query))
    renderScreen(<CareFinder />)
    expect(await screen.findByText('5 公里内没有找到')).toBeInTheDocument()
    await tap(screen.getByRole('button', { name: '扩大搜索范围到 10 公里' }))
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(server.last()).toMatchObject({ radiusKm: 10 })
    expect(screen.getByText('8.0 公里')).toBeInTheDocument()
  })

  it('when nothing is open now, offers showing places that are closed', async () => {
    const server = serve((query) => (query.openAt ? { at: '2026-03-04T15:00:00+08:00', radiusKm: 5, items: [] } : nearbyAnswer(places, query)))
    renderScreen(<CareFinder />)
    await waitFor(() => expect(rows()).toHaveLength(4))
    await tap(screen.getByRole('switch', { name: '只看营业中' }))
    expect(await screen.findByText('此刻营业的地方不多，可以看看休息中的，或扩大范围。')).toBeInTheDocument()
    await tap(screen.getByRole('button', { name: '也显示休息中的' }))
    await waitFor(() => expect(rows()).toHaveLength(4))
    expect(server.last().openAt).toBeUndefined()
  })

  it('shows skeletons while loading, then an error in plain words with a retry that works', async () => {
    let fail = true
    const server = serve((query) => (fail ? new ApiError({ kind: 'network', message: '网络不太好，请检查网络后再试。您填写的内容已保留。' }) : nearbyAnswer(places, query)))
    const { container } = renderScreen(<CareFinder />)
    expect(container.querySelector('[aria-busy="true"] .nut-skeleton')).not.toBeNull()
    expect(await screen.findByRole('alert')).toHaveTextContent('网络不太好，请检查网络后再试。')
    fail = false
    await tap(screen.getByRole('button', { name: '重试' }))
    await waitFor(() => expect(rows()).toHaveLength(4))
    expect(server.queries).toHaveLength(2)
  })

  it('offers more rows when the list is full', async () => {
    const many = Array.from({ length: 25 }, (_, i) => canteen({ name: `第${i + 1}助餐点`, lat: 37.74 + (i + 1) / 1000, lng: 112.57 }))
    const server = serve((query) => nearbyAnswer(many, query))
    renderScreen(<CareFinder />)
    await waitFor(() => expect(rows()).toHaveLength(20))
    await tap(screen.getByRole('button', { name: '显示更多' }))
    await waitFor(() => expect(rows()).toHaveLength(25))
    expect(server.last()).toMatchObject({ limit: 40 })
    expect(screen.queryByRole('button', { name: '显示更多' })).not.toBeInTheDocument()
  })

  it('in elder mode lists fewer, simpler rows', async () => {
    writeStored(storageKeys.elderMode, true)
    const server = serve()
    const { container } = renderScreen(<CareFinder />)
    await waitFor(() => expect(rows()).toHaveLength(4))
    expect(server.last()).toMatchObject({ limit: 10 })
    expect(container.querySelector('.jx-page--elder')).not.toBeNull()
    expect(screen.queryByText('山西省太原市小店区坞城街道学府街100号')).not.toBeInTheDocument()
  })

  it('searches again on pull-to-refresh and then lets the page stop refreshing', async () => {
    const server = serve()
    const refreshed = jest.fn()
    const view = renderScreen(<CareFinder refreshToken={0} onRefreshed={refreshed} />)
    await waitFor(() => expect(rows()).toHaveLength(4))
    // The same tree as renderScreen's, so React keeps the screen and only the token changes.
    view.rerender(
      <LocaleProvider>
        <ElderModeProvider>
          <PageShell>
            <CareFinder refreshToken={1} onRefreshed={refreshed} />
          </PageShell>
        </ElderModeProvider>
      </LocaleProvider>,
    )
    await waitFor(() => expect(refreshed).toHaveBeenCalledTimes(1))
    expect(server.queries.length).toBeGreaterThanOrEqual(2)
  })

  it('lets the person change the place, back to the picker with their city open', async () => {
    serve()
    renderScreen(<CareFinder />)
    await tap(await screen.findByRole('button', { name: '更换查找的地点，现在是太原市小店区附近' }))
    expect(screen.getByText('第二步：选择太原市的区县')).toBeInTheDocument()
    await tap(screen.getByRole('button', { name: '迎泽区' }))
    expect(await screen.findByText('太原市迎泽区附近')).toBeInTheDocument()
  })
})
