import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { FacilityDetailScreen } from '@/features/care/components/FacilityDetailScreen'
import { api, ApiError } from '@/lib/api'
import { canteen, detailAnswer, institution } from '../fixtures/care'
import { renderScreen } from './render'

const tap = (element: HTMLElement) => act(async () => void fireEvent.click(element))

/** Acts as the server for `GET /facilities/:id`. */
function serve(answer: (path: string) => unknown) {
  const paths: string[] = []
  jest.spyOn(api, 'request').mockImplementation(async (request) => {
    paths.push(request.path)
    const result = answer(request.path)
    if (result instanceof Error) throw result
    return request.schema.parse(result)
  })
  return paths
}

afterEach(() => jest.restoreAllMocks())

describe('找服务: one place in full', () => {
  const place = canteen()

  it('shows what the place is, when it is open, what it serves today and what a meal costs', async () => {
    const paths = serve(() => detailAnswer(place))
    renderScreen(<FacilityDetailScreen id={place.id} />)
    expect(await screen.findByRole('heading', { name: '坞城街道学府社区老年助餐点' })).toBeInTheDocument()
    expect(paths).toEqual([`/facilities/${place.id}`])
    for (const text of [
      '老年助餐点',
      '营业中',
      '今日 11:00–13:30',
      '山西省太原市小店区坞城街道学府街100号',
      '标准价 15 元，老人价 8 元',
      '标准价 6 元，老人价 3.5 元',
      '刀削面，过油肉，醋溜白菜',
      '10月1日（周四）',
      '10月2日（周五）',
      '送餐上门',
      '入口有无障碍坡道',
      '信息更新于 2025年6月30日',
    ]) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0)
    }
    expect(screen.getAllByText('11:00–13:30')).toHaveLength(7)
    // Only closed dates still to come are listed.
    expect(screen.queryByText('2月17日（周二）')).not.toBeInTheDocument()
    expect(screen.getByText('示例数据')).toBeInTheDocument()
    expect(screen.getByText(/这是示例数据/)).toBeInTheDocument()
  })

  it('calls the place and opens directions to it', async () => {
    serve(() => detailAnswer(place))
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    const open = jest.spyOn(window, 'open').mockReturnValue(null)
    renderScreen(<FacilityDetailScreen id={place.id} />)
    await tap(await screen.findByRole('button', { name: '给坞城街道学府社区老年助餐点打电话 0351-0123456' }))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '0351-0123456' })
    await tap(screen.getByRole('button', { name: '用地图导航到坞城街道学府社区老年助餐点' }))
    expect(open).toHaveBeenCalledWith(expect.stringContaining(`https://uri.amap.com/marker?position=${place.lng},${place.lat}`), '_blank', 'noopener')
    expect(open.mock.calls[0]?.[0]).toContain('coordinate=gaode')
  })

  it('shows beds for a care home, and no meal prices where none are served', async () => {
    const home = institution()
    serve(() => detailAnswer(home))
    renderScreen(<FacilityDetailScreen id={home.id} />)
    expect(await screen.findByText('共 120 张，空余 12 张')).toBeInTheDocument()
    expect(screen.getAllByText('24小时')).toHaveLength(7)
    expect(screen.queryByText('餐费')).not.toBeInTheDocument()
  })

  it('says plainly when the place no longer exists', async () => {
    serve(() => new ApiError({ kind: 'http', status: 404, code: 'not_found', message: '没有找到' }))
    renderScreen(<FacilityDetailScreen id={place.id} />)
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到这个机构')
  })

  it('offers a retry after a network failure', async () => {
    let fail = true
    serve(() => (fail ? new ApiError({ kind: 'timeout', message: '等待时间太长了，请稍后再试。' }) : detailAnswer(place)))
    renderScreen(<FacilityDetailScreen id={place.id} />)
    expect(await screen.findByRole('alert')).toHaveTextContent('等待时间太长了')
    fail = false
    await tap(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByRole('heading', { name: '坞城街道学府社区老年助餐点' })).toBeInTheDocument()
  })
})
