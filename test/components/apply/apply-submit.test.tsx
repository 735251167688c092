import { fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ApplicationResponse } from '@/domain/application'
import { submitApplication } from '@/features/apply/api'
import { ApplyFlow } from '@/features/apply/components/ApplyFlow'
import { SuccessScreen } from '@/features/apply/components/SuccessScreen'
import { saveApplyHandoff } from '@/lib/applyHandoff'
import { ApiError } from '@/lib/api'
import { storageKeys } from '@/lib/storage'
import { renderScreen } from '../render'
import { seedApplyDraft, storedApplyDraft, wangShufenForm } from './apply-storage'

jest.mock('@/features/apply/api', () => ({ submitApplication: jest.fn(), uploadDocument: jest.fn() }))
const submit = submitApplication as jest.MockedFunction<typeof submitApplication>

const TODAY = '2026-03-01'
const click = (element: HTMLElement) => fireEvent.click(element)
const heading = () => screen.getByRole('heading', { level: 1 }).textContent

const RESPONSE: ApplicationResponse = {
  id: '0b9f5d3e-8a57-4f1e-9f43-5b7c1f0e2d11',
  reference: 'JX20260301-K7QM',
  createdAt: '2026-03-01T08:00:00.000Z',
  applicant: { kind: 'self' },
  beneficiary: {
    name: '王淑芬',
    idNumber: '1401**********0025',
    phone: '138****2468',
    address: { cityCode: '140100', countyCode: '140105', place: '太原市小店区', township: '坞城街道', detail: '双塔西街 38 号院' },
  },
  members: [],
  income: { wages: 0, pension: 1150, business: 0, farming: 0, property: 0, support: 0, other: 200 },
  assets: { deposits: 6000, investments: 0, vehicles: 0, otherHomes: 0 },
  claims: [
    { id: '5c2a4a0e-1f0e-4b8e-8d53-2a3b4c5d6e7f', benefit: 'dibao', benefitName: '最低生活保障', status: 'submitted', statusLabel: '已提交', timeline: [] },
    { id: '6d3b5b1f-2a1f-4c9f-9e64-3b4c5d6e7f80', benefit: 'high_age_allowance', benefitName: '高龄津贴', status: 'submitted', statusLabel: '已提交', timeline: [] },
  ],
  documents: [],
  missingDocuments: [{ documentId: 'id_card', name: '身份证' }],
  consents: { privacyVersion: '2026-01', sensitiveInfoVersion: '2026-01', economicCheck: [] },
  nextSteps: ['乡镇（街道）在 5 个工作日内受理'],
}

let redirect: jest.SpyInstance
beforeEach(() => {
  submit.mockReset()
  redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve({ errMsg: 'redirectTo:ok' }))
})
afterEach(() => redirect.mockRestore())

describe('申请: submitting', () => {
  it('keeps everything after a network failure and retries with the same Idempotency-Key', async () => {
    seedApplyDraft(wangShufenForm(), 'review')
    submit.mockRejectedValueOnce(new ApiError({ kind: 'network', message: '网络不太好，请检查网络后再试。您填写的内容已保留。' })).mockResolvedValueOnce(RESPONSE)
    renderScreen(<ApplyFlow today={TODAY} />)
    click(screen.getByText('继续上次'))
    click(screen.getByText('提交申请'))
    expect(await screen.findByText('没有提交成功：网络不太好，请检查网络后再试。您填写的内容已保留。')).toBeInTheDocument()
    const key = storedApplyDraft().idempotencyKey
    expect(key).toMatch(/^[\x21-\x7e]{8,200}$/)
    expect(storedApplyDraft().form.name).toBe('王淑芬')
    click(screen.getByText('提交申请'))
    await screen.findByText('提交申请')
    await Promise.resolve()
    expect(submit).toHaveBeenCalledTimes(2)
    expect(submit.mock.calls[0][1]).toBe(key)
    expect(submit.mock.calls[1][1]).toBe(key)
    expect(submit.mock.calls[1][0]).toMatchObject({ benefits: ['dibao', 'high_age_allowance'], consents: { privacyVersion: '2026-01' } })
    expect(redirect).toHaveBeenCalledWith({ url: '/subpackages/apply/success/index' })
    expect(Taro.getStorageSync(storageKeys.applyDraft)).toBe('')
  })

  it("shows the server's field issues next to the fields they are about", async () => {
    seedApplyDraft(wangShufenForm(), 'review')
    submit.mockRejectedValueOnce(
      new ApiError({ kind: 'http', status: 400, message: '请求有误', issues: [{ path: 'beneficiary.address.detail', message: '详细地址最多 120 个字' }] }),
    )
    renderScreen(<ApplyFlow today={TODAY} />)
    click(screen.getByText('继续上次'))
    click(screen.getByText('提交申请'))
    click(await screen.findByText('详细地址最多 120 个字'))
    expect(heading()).toBe('申请对象住在哪里？')
    expect(screen.getAllByText('详细地址最多 120 个字')).toHaveLength(2)
  })

  it('the success page shows the application number, each benefit’s first status and what happens next', () => {
    Taro.setStorageSync(storageKeys.applySubmitted, RESPONSE)
    renderScreen(<SuccessScreen />)
    expect(heading()).toBe('申请已提交')
    expect(screen.getByText(RESPONSE.id)).toBeInTheDocument()
    expect(screen.getByText('最低生活保障：已提交')).toBeInTheDocument()
    expect(screen.getByText('乡镇（街道）在 5 个工作日内受理')).toBeInTheDocument()
  })
})

describe('申请: starting from the screener', () => {
  it('chooses the likely and maybe benefits, and warns with the reasons before adding an unlikely one', () => {
    saveApplyHandoff({
      screening: {
        date: TODAY,
        region: { cityCode: '140100', area: 'urban' },
        hukouInShanxi: true,
        members: [{ relation: 'self', age: 76 }, { relation: 'child', age: 42 }],
        monthlyIncome: 1350,
        financialAssets: 6000,
        hasExcludedProperty: false,
        rigidExpensesLast12Months: null,
        hasCapableSupporter: null,
        suddenHardship: false,
      },
      results: [
        { benefit: 'dibao', name: '最低生活保障', tier: 'likely', reasons: [] },
        { benefit: 'high_age_allowance', name: '高龄津贴', tier: 'maybe', reasons: [] },
        { benefit: 'tekun', name: '特困人员救助供养', tier: 'unlikely', reasons: ['有赡养能力的子女'] },
      ],
    })
    const first = renderScreen(<ApplyFlow today={TODAY} />)
    expect(screen.getByText('已带入自测时选择的补助：最低生活保障、高龄津贴')).toBeInTheDocument()
    click(screen.getByText('开始填写'))
    expect(storedApplyDraft().form.address.cityCode).toBe('140100')
    expect(storedApplyDraft().form.members).toEqual([{ name: '', relation: 'child', idNumber: '' }])
    seedApplyDraft({ ...storedApplyDraft().form, applicantKind: 'self' }, 'benefits')
    first.unmount()
    renderScreen(<ApplyFlow today={TODAY} />)
    click(screen.getByText('继续上次'))
    expect(heading()).toBe('申请哪些补助？')
    expect(screen.getByRole('checkbox', { name: '最低生活保障' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByRole('checkbox', { name: '高龄津贴' })).toHaveAttribute('aria-checked', 'true')
    click(screen.getByRole('checkbox', { name: '特困人员救助供养' }))
    expect(screen.getByText('自测显示这项补助不太可能符合：有赡养能力的子女。仍要申请吗？')).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: '特困人员救助供养' })).toHaveAttribute('aria-checked', 'false')
    click(screen.getByText('仍要申请'))
    expect(screen.getByRole('checkbox', { name: '特困人员救助供养' })).toHaveAttribute('aria-checked', 'true')
    expect(storedApplyDraft().form.benefits).toEqual(['dibao', 'tekun', 'high_age_allowance'])
  })
})
