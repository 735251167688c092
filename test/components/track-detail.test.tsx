import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RequestOptions } from '@/lib/api/client'
import { ApplicationDetailScreen } from '@/features/track/components/ApplicationDetailScreen'
import { api, ApiError } from '@/lib/api'
import { uploadDocument } from '@/lib/uploads'
import { APPLICATION_ID, DIBAO_CLAIM, SON_VIEWER, WANG_SHUFEN_REFERENCE, asSeenBySon, dibaoNeedingInfo, highAgeApproved, homeModificationApproved, wangShufenDetail } from '../fixtures/tracking'
import { renderScreen } from './render'

jest.mock('@/lib/uploads', () => ({ uploadDocument: jest.fn() }))
const upload = uploadDocument as jest.MockedFunction<typeof uploadDocument>

const tap = (element: HTMLElement) => act(async () => void fireEvent.click(element))
const type = (element: HTMLElement, value: string) => act(async () => void fireEvent.input(element, { target: { value } }))

type Sent = { method: string; path: string; body: unknown }

/** Acts as the server: `answer` gets each request and returns the body (or throws an error). */
function serve(answer: (request: Sent) => unknown) {
  const sent: Sent[] = []
  jest.spyOn(api, 'request').mockImplementation(async (request: RequestOptions<unknown>) => {
    const call = { method: request.method ?? 'GET', path: request.path, body: request.body }
    sent.push(call)
    const result = answer(call)
    if (result instanceof Error) throw result
    return request.schema.parse(result)
  })
  return sent
}

const claimRegion = (name: string) => screen.getByRole('region', { name })

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-11T01:00:00.000Z'))
  upload.mockReset()
})
afterEach(() => jest.restoreAllMocks())

describe('查进度: one application, as its owner sees it', () => {
  it('shows each benefit’s status, what it means, what comes next, the decision and the dated record', async () => {
    serve(() => wangShufenDetail())
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    expect(await screen.findByRole('heading', { level: 1, name: '王淑芬的申请' })).toBeInTheDocument()
    const dibao = claimRegion('最低生活保障')
    expect(within(dibao).getAllByText('需补正材料').length).toBeGreaterThan(0)
    expect(within(dibao).getByText(/审核中发现还缺少材料/)).toBeInTheDocument()
    expect(within(dibao).getByText('下一步：核对调查中')).toBeInTheDocument()
    expect(within(dibao).getByText('2026年3月5日 10:00')).toBeInTheDocument()
    expect(within(dibao).getByText('2026年3月1日 16:00')).toBeInTheDocument()
    const highAge = claimRegion('高龄津贴')
    expect(within(highAge).getByText('每月 50 元，自 2026 年 4 月起发放')).toBeInTheDocument()
    expect(within(highAge).getByText('下一步：发放中')).toBeInTheDocument()
    // An approved claim is decided: it can no longer be withdrawn.
    expect(within(highAge).queryByText('撤回这一项申请')).not.toBeInTheDocument()
  })

  it('gives the short application number to read out on the phone, not the long id', async () => {
    serve(() => wangShufenDetail())
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    expect(await screen.findByText(WANG_SHUFEN_REFERENCE)).toBeInTheDocument()
    expect(screen.queryByText(APPLICATION_ID)).not.toBeInTheDocument()
  })

  it('words a one-off subsidy as paid once: never 每月 or 按月', async () => {
    serve(() => wangShufenDetail({ claims: [homeModificationApproved()], nextAction: null }))
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const claim = await screen.findByRole('region', { name: '适老化改造补贴' })
    expect(within(claim).getByText('一次性发放 6000 元')).toBeInTheDocument()
    expect(claim.textContent).not.toMatch(/每月|按月/)
    expect(within(claimRegion('适老化改造补贴')).getByText('下一步：发放中')).toBeInTheDocument()
  })

  it('once accepted, does not claim the documents are complete while some are still missing', async () => {
    const dibao = { ...dibaoNeedingInfo(), status: 'accepted' as const, statusLabel: '已受理', requested: null, timeline: dibaoNeedingInfo().timeline.slice(0, 2) }
    serve(() => wangShufenDetail({ claims: [dibao], nextAction: null, missingDocuments: [{ documentId: 'hukou_book', name: '户口簿' }, { documentId: 'income_proof', name: '收入证明' }] }))
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const claim = await screen.findByRole('region', { name: '最低生活保障' })
    expect(within(claim).getByText(/已受理申请，接下来会审核材料/)).toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/齐全/)
  })

  it('on the web, promises no messages it cannot send: check here, or open it in WeChat for messages', async () => {
    serve(() => wangShufenDetail())
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const messages = await screen.findByRole('region', { name: '状态变化提醒' })
    expect(within(messages).getByText(/网页版不会发送通知，请随时回到这里查看进度/)).toBeInTheDocument()
    expect(within(messages).getByText(/在微信里打开“晋心助手”小程序/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '状态有变化时微信通知我' })).not.toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/会通知您|在自己的微信里/)
    expect(within(screen.getByRole('region', { name: '家人关注' })).getByText(/在自己的手机上打开晋心助手、输入邀请码/)).toBeInTheDocument()
  })

  it('lists the documents not handed in yet, to the owner', async () => {
    serve(() => wangShufenDetail({ missingDocuments: [{ documentId: 'hukou_book', name: '户口簿' }, { documentId: 'income_proof', name: '收入证明' }] }))
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const missing = await screen.findByRole('region', { name: '还没交的材料' })
    expect(within(missing).getByText(/^户口簿、收入证明。可以在受理时带到乡镇（街道）/)).toBeInTheDocument()
  })

  it('calls the township office handling it, or 12345 before one is named', async () => {
    serve(() => wangShufenDetail())
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    const view = renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    await tap(await screen.findByRole('button', { name: '打电话给坞城街道办事处，0351-7654321' }))
    expect(call).toHaveBeenLastCalledWith({ phoneNumber: '0351-7654321' })
    view.unmount()
    jest.restoreAllMocks()
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-11T01:00:00.000Z'))
    serve(() => wangShufenDetail({ claims: [{ ...dibaoNeedingInfo(), office: null }, { ...highAgeApproved(), office: null }] }))
    const hotline = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    expect(await screen.findByText(/还没有确定由哪个乡镇（街道）受理/)).toBeInTheDocument()
    await tap(screen.getByRole('button', { name: '拨打 12345' }))
    expect(hotline).toHaveBeenLastCalledWith({ phoneNumber: '12345' })
  })

  it('asks for what the reviewer wants right there: a message next to each missing item, nothing lost when sending fails', async () => {
    let failNext = true
    const sent = serve((request) => {
      if (request.method === 'GET') return wangShufenDetail()
      if (failNext) {
        failNext = false
        return new ApiError({ kind: 'network', message: '网络不太好，请检查网络后再试。您填写的内容已保留。' })
      }
      return wangShufenDetail({ claims: [{ ...dibaoNeedingInfo(), status: 'verifying', statusLabel: '核对调查中', requested: null }, highAgeApproved()], nextAction: null })
    })
    const first = renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const form = await screen.findByRole('region', { name: '补充材料' })
    expect(within(form).getByText('审核人员需要下面这些，请在 3月20日 前提交，还有 9 天。补充后会继续审核。')).toBeInTheDocument()

    await tap(within(form).getByRole('button', { name: '提交补充材料' }))
    expect(within(form).getAllByText('请上传收入证明')).toHaveLength(2)
    expect(within(form).getAllByText('请回答这个问题')).toHaveLength(2)
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0)

    jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ errMsg: 'chooseImage:ok', tempFilePaths: ['blob:1'], tempFiles: [{ path: 'blob:1', size: 1000 }] } as Taro.chooseImage.SuccessCallbackResult)
    upload.mockResolvedValue({ uploadId: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', contentType: 'image/jpeg', size: 1000 })
    await tap(within(within(form).getByRole('group', { name: '收入证明' })).getByText('拍照或选择图片'))
    expect(await within(form).findByText('文件 1')).toBeInTheDocument()
    await type(await within(form).findByLabelText('儿子每月给您多少生活费？'), '每月给 300 元，逢年过节另给')

    await tap(within(form).getByRole('button', { name: '提交补充材料' }))
    expect(await screen.findByText('没有提交成功：网络不太好，请检查网络后再试。您填写的内容已保留。')).toBeInTheDocument()

    // Closing the page and coming back: the answer and the file are still there.
    first.unmount()
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const again = await screen.findByRole('region', { name: '补充材料' })
    // The text area is drawn a moment after the page.
    await waitFor(() => expect(within(again).getByLabelText('儿子每月给您多少生活费？')).toHaveValue('每月给 300 元，逢年过节另给'))
    expect(within(again).getByText('文件 1')).toBeInTheDocument()

    await tap(within(again).getByRole('button', { name: '提交补充材料' }))
    expect(await within(claimRegion('最低生活保障')).findAllByText('核对调查中')).not.toHaveLength(0)
    expect(screen.queryByRole('region', { name: '补充材料' })).not.toBeInTheDocument()
    expect(sent.filter((request) => request.method === 'POST').at(-1)).toEqual({
      method: 'POST',
      path: `/applications/${APPLICATION_ID}/supplements`,
      body: {
        claimId: DIBAO_CLAIM,
        answers: [{ question: '儿子每月给您多少生活费？', answer: '每月给 300 元，逢年过节另给' }],
        documents: [{ documentId: 'income_proof', uploadIds: ['9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'] }],
      },
    })
  })

  it('withdraws one benefit only after saying what withdrawing means', async () => {
    const sent = serve((request) =>
      request.method === 'GET'
        ? wangShufenDetail()
        : wangShufenDetail({ claims: [{ ...dibaoNeedingInfo(), status: 'withdrawn', statusLabel: '已撤回', requested: null }, highAgeApproved()], nextAction: null }),
    )
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const dibao = await screen.findByRole('region', { name: '最低生活保障' })
    await tap(within(dibao).getByRole('button', { name: '撤回这一项申请' }))
    const confirm = within(dibao).getByRole('group', { name: '确定撤回“最低生活保障”吗？' })
    expect(within(confirm).getByText(/撤回后这一项不再审核/)).toBeInTheDocument()
    await tap(within(confirm).getByRole('button', { name: '不撤回' }))
    expect(within(dibao).queryByRole('group', { name: '确定撤回“最低生活保障”吗？' })).not.toBeInTheDocument()
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0)

    await tap(within(dibao).getByRole('button', { name: '撤回这一项申请' }))
    await type(await within(dibao).findByLabelText('撤回原因（可选）'), '儿子找到工作了')
    await tap(within(dibao).getByRole('button', { name: '确认撤回' }))
    expect(await within(claimRegion('最低生活保障')).findAllByText('已撤回')).not.toHaveLength(0)
    expect(sent.at(-1)).toEqual({ method: 'POST', path: `/applications/${APPLICATION_ID}/withdraw`, body: { claimIds: [DIBAO_CLAIM], reason: '儿子找到工作了' } })
  })

  it('shows who follows it, revokes after a confirmation, and invites another relative with a code to share', async () => {
    const sent = serve((request) => {
      if (request.method === 'DELETE') return { viewers: [] }
      if (request.path.endsWith('/invitations')) return { code: 'AB3CD7EFGH', expiresAt: '2026-03-12T01:00:00.000Z', label: '女儿' }
      return wangShufenDetail()
    })
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: 'AB3CD-7EFGH' })
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    const family = await screen.findByRole('region', { name: '家人关注' })
    expect(within(family).getByText('儿子，2026年3月3日起关注')).toBeInTheDocument()
    await tap(within(family).getByRole('button', { name: '取消儿子的关注' }))
    expect(within(family).getByText('确定不再让儿子查看这份申请吗？取消后对方立刻就看不到了。')).toBeInTheDocument()
    await tap(within(family).getByRole('button', { name: '确认取消' }))
    expect(await within(family).findByText('还没有家人关注这份申请。')).toBeInTheDocument()
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', path: `/applications/${APPLICATION_ID}/viewers/${SON_VIEWER}` })

    await type(await within(family).findByLabelText('这位家人是您的（可选）'), '女儿')
    await tap(within(family).getByRole('button', { name: '邀请家人关注' }))
    expect(await within(family).findByText('AB3CD-7EFGH')).toBeInTheDocument()
    expect(within(family).getByText('2026年3月12日 09:00前有效')).toBeInTheDocument()
    expect(sent.at(-1)).toEqual({ method: 'POST', path: `/applications/${APPLICATION_ID}/invitations`, body: { label: '女儿' } })
    await tap(within(family).getByRole('button', { name: '复制邀请码' }))
    expect(copy).toHaveBeenCalledWith({ data: 'AB3CD-7EFGH' })
    expect(await within(family).findByText('邀请码已复制')).toBeInTheDocument()
  })
})

describe('查进度: as a relative following it', () => {
  it('reads it without any way to change it: no supplement form, no withdraw, no family panel', async () => {
    serve(() => asSeenBySon())
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    expect(await screen.findByRole('heading', { level: 1, name: '王**的申请' })).toBeInTheDocument()
    expect(screen.getByText(/您是家人，只能查看进度/)).toBeInTheDocument()
    expect(screen.getByText('需要申请人在 3月20日（还有 9 天） 前补充：收入证明、回答 1 个问题。')).toBeInTheDocument()
    expect(screen.queryByText(/儿子每月给您多少生活费/)).not.toBeInTheDocument()
    expect(screen.queryByText(/每月 50 元/)).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: '补充材料' })).not.toBeInTheDocument()
    expect(screen.queryByText('撤回这一项申请')).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: '家人关注' })).not.toBeInTheDocument()
  })

  it('once the owner stops sharing, says it cannot be found and leads back to the list', async () => {
    serve(() => new ApiError({ kind: 'http', status: 404, message: '找不到要访问的内容。' }))
    renderScreen(<ApplicationDetailScreen id={APPLICATION_ID} />)
    expect(await screen.findByText(/没有找到这份申请/)).toBeInTheDocument()
    const back = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    await tap(screen.getByRole('button', { name: '回到我的申请' }))
    expect(back).toHaveBeenCalledWith({ url: '/pages/applications/index' })
  })
})
