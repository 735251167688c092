import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ResultsScreen } from '@/features/screening/components/ResultsScreen'
import { renderScreen } from './render'
import { liJianguoFamily, wangXiuying } from './screening-fixtures'
import { seedDraft } from './screening-storage'

const today = '2026-11-23'
const group = (name: string) => screen.getByRole('region', { name })
const benefit = (container: HTMLElement, name: string) => within(container).getByRole('group', { name })
const benefitNames = (container: HTMLElement) =>
  within(container)
    .queryAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent)

describe('查资格: the results', () => {
  it('sorts the 13 benefits into 可能符合, 需进一步确认 and 暂不符合', () => {
    seedDraft(liJianguoFamily())
    renderScreen(<ResultsScreen today={today} />)
    expect(screen.getByRole('heading', { level: 1, name: '自测结果' })).toBeInTheDocument()
    expect(benefitNames(group('可能符合'))).toEqual(['最低生活保障', '刚性支出困难家庭', '困难残疾人生活补贴', '重度残疾人护理补贴'])
    expect(benefitNames(group('需进一步确认'))).toEqual(['特困人员救助供养'])
    expect(benefitNames(group('暂不符合'))).toHaveLength(8)
    expect(within(group('可能符合')).getByText('4 项')).toBeInTheDocument()
  })

  it('gives each benefit its reasons: met ✓, not met ✗, unknown ?', () => {
    seedDraft(liJianguoFamily())
    renderScreen(<ResultsScreen today={today} />)
    const tekun = benefit(group('需进一步确认'), '特困人员救助供养')
    expect(within(tekun).getByText('?')).toBeInTheDocument()
    expect(within(tekun).getByText(/^待确认：/)).toBeInTheDocument()
    const dibao = benefit(group('可能符合'), '最低生活保障')
    expect(within(dibao).getByText('家庭人均月收入 500 元，低于农村低保标准 555 元')).toBeInTheDocument()
    expect(within(dibao).getAllByText('✓')).toHaveLength(4)
    const edge = benefit(group('暂不符合'), '低保边缘家庭')
    expect(within(edge).getByText('✗')).toBeInTheDocument()
    expect(within(edge).getByText(/低于农村低保标准 555 元，可先看低保/)).toHaveTextContent('不符合：')
  })

  it('shows the estimated amount only where the benefit may be granted', () => {
    seedDraft(wangXiuying())
    renderScreen(<ResultsScreen today={today} />)
    const likely = group('可能符合')
    expect(within(benefit(likely, '最低生活保障')).getByText('约 669 元/月')).toBeInTheDocument()
    expect(within(benefit(likely, '特困人员救助供养')).getByText('约 870 元/月')).toBeInTheDocument()
    expect(within(benefit(likely, '高龄津贴')).getByText('约 50 元/月')).toBeInTheDocument()
    expect(within(benefit(likely, '适老化改造补贴')).getByText('最高 18000 元（一次性）')).toBeInTheDocument()
    expect(within(group('暂不符合')).queryByText(/元\/月|一次性/)).not.toBeInTheDocument()
    expect(within(group('需进一步确认')).getByText('没有')).toBeInTheDocument()
  })

  it('names the policy basis of every benefit that may be granted, also those decided case by case', () => {
    seedDraft(wangXiuying({ suddenHardship: true }))
    renderScreen(<ResultsScreen today={today} />)
    const shown = [...within(group('可能符合')).getAllByRole('group'), ...within(group('需进一步确认')).queryAllByRole('group')]
    expect(shown.length).toBeGreaterThan(3)
    for (const card of shown) expect(within(card).getByText('政策依据')).toBeInTheDocument()
    expect(within(benefit(group('可能符合'), '临时救助')).getByText(/《社会救助暂行办法》/)).toBeInTheDocument()
  })

  it('tags amounts that rest on an illustrative standard 示例标准', () => {
    seedDraft(wangXiuying())
    renderScreen(<ResultsScreen today={today} />)
    const highAge = benefit(group('可能符合'), '高龄津贴')
    expect(within(highAge).getByText('示例标准')).toBeInTheDocument()
    expect(within(highAge).getByText('示例标准，以当地民政部门公布为准')).toBeInTheDocument()
    // 18000 is a published Shanxi figure (since 2025-07-21).
    expect(within(benefit(group('可能符合'), '适老化改造补贴')).queryByText('示例标准')).not.toBeInTheDocument()
  })

  it('names each standard’s source: title, issuer, date, the passage and where to read it', () => {
    seedDraft(wangXiuying())
    renderScreen(<ResultsScreen today={today} />)
    const dibao = benefit(group('可能符合'), '最低生活保障')
    // The report gives no date the standard took effect: the screener says it adopted it, not that it took effect.
    expect(within(dibao).getByText('城市低保标准：669 元/人/月（2025-01-01 起采用）')).toBeInTheDocument()
    expect(within(dibao).getByText('来源：中国发展网《山西民政工作上半年成效显著：兜底保障有力 养老服务提质》，2025-07-28')).toBeInTheDocument()
    expect(within(dibao).getByText(/城市、农村低保标准分别提高到每人每月 669 元、555 元/)).toBeInTheDocument()
    expect(within(dibao).getByText('说明：来源未写明执行日期，自本自测的政策起始日 2025-01-01 起采用')).toBeInTheDocument()
    const homeModification = benefit(group('可能符合'), '适老化改造补贴')
    expect(within(homeModification).getByText('适老化改造补贴上限：18000 元（一次性）（2025-07-21 起执行）')).toBeInTheDocument()
    expect(
      within(homeModification).getByText('来源：山西省民政厅、省发展改革委、省财政厅、省商务厅《2025年山西省实施居家适老化改造产品消费补贴“晋孝焕新”行动方案》，2025-07-21'),
    ).toBeInTheDocument()
    expect(within(homeModification).getByText('网址：https://www.guandian.cn/article/20250721/499583.html（观点网 2025-07-21 报道）')).toBeInTheDocument()
    expect(screen.getByText(`根据您的回答，按 ${today} 的标准测算：`)).toBeInTheDocument()
  })

  it('shows the 18000-yuan cap as 示例标准 before the programme that sets it was issued', () => {
    seedDraft(wangXiuying())
    renderScreen(<ResultsScreen today='2025-07-20' />)
    const homeModification = benefit(group('可能符合'), '适老化改造补贴')
    expect(within(homeModification).getByText('示例标准')).toBeInTheDocument()
    expect(within(homeModification).getByText('适老化改造补贴上限：18000 元（一次性）（2025-01-01 起采用）')).toBeInTheDocument()
    expect(within(homeModification).getByText('说明：“晋孝焕新”行动方案（2025-07-21）印发前，没有找到山西省公布的上限')).toBeInTheDocument()
  })

  it('lists each document to prepare once, for all the benefits worth applying for', () => {
    seedDraft(liJianguoFamily())
    renderScreen(<ResultsScreen today={today} />)
    const documents = screen.getByRole('region', { name: '需要准备的材料' })
    const items = within(documents).getAllByRole('listitem')
    expect(items.map((item) => item.firstElementChild?.textContent)).toEqual(['身份证', '户口簿', '收入证明', '残疾人证', '医疗等支出票据', '家庭经济状况核对授权书'])
    expect(within(items[3]).getByText('用于：困难残疾人生活补贴、重度残疾人护理补贴')).toBeInTheDocument()
  })

  it('says plainly that this is an estimate, and offers the hotline and a way home', () => {
    seedDraft(wangXiuying())
    const call = jest.spyOn(Taro, 'makePhoneCall').mockImplementation(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' }))
    renderScreen(<ResultsScreen today={today} />)
    expect(screen.getAllByText('自测结果仅供参考，以审核认定为准').length).toBeGreaterThanOrEqual(1)
    fireEvent.click(screen.getByText('拨打 12345'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '12345' })
    expect(screen.getByRole('link', { name: '回到首页' })).toBeInTheDocument()
    call.mockRestore()
  })

  it('lets each answer be changed without starting over', () => {
    seedDraft(liJianguoFamily())
    const redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve({ errMsg: 'redirectTo:ok' }))
    renderScreen(<ResultsScreen today={today} />)
    const answers = screen.getByRole('region', { name: '您的回答' })
    expect(within(answers).getByText('第 2 位家庭成员（您的配偶）')).toBeInTheDocument()
    fireEvent.click(within(answers).getByRole('link', { name: '修改：您的配偶的年龄是多少？' }))
    expect(redirect).toHaveBeenCalledWith({ url: '/subpackages/screening/question/index?edit=members.1.age' })
    redirect.mockRestore()
  })

  it('asks to finish the questions when the place is not known yet', () => {
    seedDraft({ members: [] }, 'city', false)
    renderScreen(<ResultsScreen today={today} />)
    expect(screen.getByText('还有问题没有回答，回答完才能看结果。')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: '可能符合' })).not.toBeInTheDocument()
  })
})
