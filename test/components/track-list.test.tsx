import { act, fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApplicationList } from '@/features/track/components/ApplicationList'
import { api, ApiError } from '@/lib/api'
import { APPLICATION_ID, asSeenBySon, justSubmitted, summaryOf, wangShufenDetail } from '../fixtures/tracking'
import { renderScreen } from './render'

const tap = (element: HTMLElement) => act(async () => void fireEvent.click(element))

/** Acts as the server for `GET /applications`: each call gets the next answer. */
function serve(...answers: unknown[]) {
  const paths: string[] = []
  jest.spyOn(api, 'request').mockImplementation(async (request) => {
    paths.push(request.path)
    const answer = answers.length > 1 ? answers.shift() : answers[0]
    if (answer instanceof Error) throw answer
    return request.schema.parse(answer)
  })
  return paths
}

// 11 March 2026, 09:00 in Shanxi: the income proof is due in 9 days.
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-11T01:00:00.000Z')))
afterEach(() => jest.restoreAllMocks())

describe('我的申请: the list', () => {
  it('shows each application with each benefit’s status in words, the one needing her highlighted with its due date', async () => {
    const another = wangShufenDetail({
      id: '1c8e2b44-6d1f-4a0e-9b3c-7d5e6f708192',
      reference: 'JX20260201-3NPW',
      createdAt: '2026-02-01T08:00:00.000Z',
      claims: [justSubmitted({ id: '2d9f3c55-7e20-4b1f-8c4d-8e6f70819203', benefit: 'home_modification_subsidy', benefitName: '适老化改造补贴' })],
      nextAction: null,
    })
    serve({ applications: [summaryOf(wangShufenDetail()), summaryOf(another)] })
    renderScreen(<ApplicationList />)
    await screen.findAllByText('王淑芬的申请')
    // The one needing her comes first (the server orders them; the page keeps that order).
    const first = screen.getAllByRole('link', { name: '查看王淑芬的申请进度' })[0]
    expect(within(first).getByText('王淑芬的申请')).toBeInTheDocument()
    expect(within(first).getByText('需要您补充材料')).toBeInTheDocument()
    expect(within(first).getByText('最低生活保障：请在 3月20日 前补充，还有 9 天')).toBeInTheDocument()
    expect(within(first).getByText('需补正材料')).toBeInTheDocument()
    expect(within(first).getByText('已批准')).toBeInTheDocument()
    expect(within(first).getByText('2026年3月1日提交')).toBeInTheDocument()
    expect(within(first).getByText('申请编号 JX20260301-K7QM')).toBeInTheDocument()
    const second = screen.getAllByRole('link', { name: '查看王淑芬的申请进度' })[1]
    expect(within(second).getByText('适老化改造补贴')).toBeInTheDocument()
    expect(within(second).getByText('已提交')).toBeInTheDocument()
    expect(within(second).getByText('申请编号 JX20260201-3NPW')).toBeInTheDocument()
    expect(within(second).queryByText('需要您补充材料')).not.toBeInTheDocument()

    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    await tap(first)
    expect(navigate).toHaveBeenCalledWith({ url: `/subpackages/track/detail/index?id=${APPLICATION_ID}` })
  })

  it('marks an application shared by family, and says the applicant must act', async () => {
    serve({ applications: [summaryOf(asSeenBySon())] })
    renderScreen(<ApplicationList />)
    expect(await screen.findByText('王**的申请（家人共享）')).toBeInTheDocument()
    expect(screen.getByText('最低生活保障：需要申请人在 3月20日 前补充材料，还有 9 天')).toBeInTheDocument()
  })

  it('with nothing yet: says so and offers 查资格 and 一次申请, and the way in with a family code', async () => {
    serve({ applications: [] })
    renderScreen(<ApplicationList />)
    expect(await screen.findByRole('heading', { name: '您还没有提交过申请' })).toBeInTheDocument()
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    await tap(screen.getByRole('button', { name: '查资格' }))
    expect(navigate).toHaveBeenLastCalledWith({ url: '/subpackages/screening/question/index' })
    await tap(screen.getByRole('link', { name: '输入邀请码' }))
    expect(navigate).toHaveBeenLastCalledWith({ url: '/subpackages/track/accept/index' })
  })

  it('while loading says so to screen readers; a failure says what happened and retries', async () => {
    const paths = serve(new ApiError({ kind: 'network', message: '网络不太好，请检查网络后再试。' }), { applications: [] })
    renderScreen(<ApplicationList />)
    expect(screen.getByRole('status')).toHaveTextContent('正在读取您的申请…')
    expect(await screen.findByText('没有读到您的申请')).toBeInTheDocument()
    expect(screen.getByText('网络不太好，请检查网络后再试。')).toBeInTheDocument()
    await tap(screen.getByRole('button', { name: '再试一次' }))
    expect(await screen.findByText('您还没有提交过申请')).toBeInTheDocument()
    expect(paths).toEqual(['/applications', '/applications'])
  })

  it('pull-to-refresh reads the list again and keeps it on screen when that fails', async () => {
    serve({ applications: [summaryOf(wangShufenDetail())] }, new ApiError({ kind: 'timeout', message: '等待时间太长了，请稍后再试。' }))
    const refreshed = jest.fn()
    const view = renderScreen(<ApplicationList refreshToken={0} onRefreshed={refreshed} />)
    await screen.findByText('王淑芬的申请')
    view.update(<ApplicationList refreshToken={1} onRefreshed={refreshed} />)
    expect(await screen.findByText('等待时间太长了，请稍后再试。')).toBeInTheDocument()
    expect(screen.getByText('王淑芬的申请')).toBeInTheDocument()
    expect(refreshed).toHaveBeenCalledTimes(1)
  })
})
