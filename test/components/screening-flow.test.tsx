import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ScreeningFlow } from '@/features/screening/components/ScreeningFlow'
import { renderScreen } from './render'
import { wangXiuying } from './screening-fixtures'
import { seedDraft, storedDraft } from './screening-storage'

const click = (element: HTMLElement) => fireEvent.click(element)
const pressContinue = () => click(screen.getByText('继续'))
const question = () => screen.getByRole('heading', { level: 1 }).textContent

function choose(option: string) {
  click(screen.getByRole('radio', { name: option }))
  pressContinue()
}

/** Taro's input draws its inner <input> a moment after the page renders. */
async function answer(label: string, text: string) {
  fireEvent.input(await screen.findByLabelText(label), { target: { value: text } })
  pressContinue()
}

let redirect: jest.SpyInstance
beforeEach(() => {
  redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve({ errMsg: 'redirectTo:ok' }))
})
afterEach(() => redirect.mockRestore())

describe('查资格: the questions', () => {
  it('starts by saying what to expect, then asks one question at a time with the question as the heading', () => {
    renderScreen(<ScreeningFlow />)
    expect(screen.getByRole('heading', { name: '查一查您家可能符合哪些补助' })).toBeInTheDocument()
    expect(screen.getByText('不用登录，填写的内容只保存在这部手机上')).toBeInTheDocument()
    click(screen.getByText('开始'))
    expect(question()).toBe('您住在山西省哪个市？')
    expect(screen.getByRole('radiogroup', { name: '您住在山西省哪个市？' })).toBeInTheDocument()
    expect(screen.getAllByRole('radio')).toHaveLength(11)
    expect(screen.getByText('第 1 步，共约 15 步')).toBeInTheDocument()
    choose('太原市')
    expect(question()).toBe('您家在城市还是农村？')
    expect(screen.getByText('第 2 步，共约 15 步')).toBeInTheDocument()
  })

  it('offers 不确定 on a yes/no question and counts it as an answer', () => {
    seedDraft({ cityCode: '140100', area: 'urban', members: [] }, 'hukou', false)
    renderScreen(<ScreeningFlow />)
    click(screen.getByText('继续上次'))
    expect(question()).toBe('您的户口在山西省吗？')
    const options = within(screen.getByRole('radiogroup', { name: '您的户口在山西省吗？' })).getAllByRole('radio')
    expect(options.map((option) => option.textContent)).toEqual(['在山西省', '不在山西省', '不确定'])
    choose('不确定')
    expect(question()).toBe('家里一共几口人（包括您自己）？')
    expect(storedDraft().answers.hukouInShanxi).toBeNull()
  })

  it('asks to choose before going on, at the top and next to the options', () => {
    seedDraft({ cityCode: '140100', area: 'urban', members: [] }, 'hukou', false)
    renderScreen(<ScreeningFlow />)
    click(screen.getByText('继续上次'))
    pressContinue()
    expect(screen.getByRole('alert')).toHaveTextContent('请先修改下面的问题')
    expect(screen.getAllByText('请选择一项')).toHaveLength(2)
    expect(question()).toBe('您的户口在山西省吗？')
  })

  it('asks about each member by number and, once known, by relation: for 1 person and for 3', async () => {
    seedDraft({ cityCode: '140100', area: 'urban', hukouInShanxi: true, members: [] }, 'householdSize', false)
    renderScreen(<ScreeningFlow />)
    click(screen.getByText('继续上次'))
    await answer('家里一共几口人（包括您自己）？', '3')
    expect(screen.getByText('第 1 位家庭成员：您自己')).toBeInTheDocument()
    await answer('您的年龄是多少？', '45')
    // Not asked at 45 without a disability: work ability, self-care, orphan status.
    choose('没有残疾人证')
    expect(screen.getByText('第 2 位家庭成员')).toBeInTheDocument()
    expect(question()).toBe('第 2 位家庭成员是您的什么人？')
    choose('配偶')
    expect(question()).toBe('您的配偶的年龄是多少？')
    expect(screen.getByText('第 2 位家庭成员')).toBeInTheDocument()
    click(screen.getByRole('checkbox', { name: '不确定' }))
    pressContinue()
    expect(question()).toBe('您的配偶有残疾人证吗？是几级？')
    choose('二级')
    expect(question()).toBe('您的配偶的残疾类别是什么？')
  })

  it('goes back to the previous question shown, with its answer still chosen', () => {
    seedDraft({ cityCode: '140100', members: [] }, 'area', false)
    renderScreen(<ScreeningFlow />)
    click(screen.getByText('继续上次'))
    expect(question()).toBe('您家在城市还是农村？')
    click(screen.getByRole('link', { name: '返回' }))
    expect(question()).toBe('您住在山西省哪个市？')
    expect(screen.getByRole('radio', { name: '太原市' })).toHaveAttribute('aria-checked', 'true')
  })

  it('skips the questions that cannot matter for an 82-year-old living alone', async () => {
    seedDraft({ cityCode: '140100', area: 'urban', hukouInShanxi: true, householdSize: 1, members: [] }, 'members.0.age', false)
    renderScreen(<ScreeningFlow />)
    click(screen.getByText('继续上次'))
    await answer('您的年龄是多少？', '82')
    choose('没有残疾人证')
    // No question about work ability (60 and over counts anyway) or about being an orphan.
    expect(question()).toBe('您的生活能自理吗？')
    choose('都能自己做')
    expect(question()).toBe('全家每个月收入一共大约多少元？')
  })

  it('resumes at the same question after the app is closed and opened again', () => {
    const first = renderScreen(<ScreeningFlow />)
    click(screen.getByText('开始'))
    choose('大同市')
    choose('农村（村、村委会）')
    expect(question()).toBe('您的户口在山西省吗？')
    first.unmount()

    renderScreen(<ScreeningFlow />)
    expect(screen.getByRole('heading', { name: '您上次还没有填完' })).toBeInTheDocument()
    expect(screen.getByText('上次填到第 3 步，可以接着填，也可以重新开始。')).toBeInTheDocument()
    click(screen.getByText('继续上次'))
    expect(question()).toBe('您的户口在山西省吗？')
    click(screen.getByRole('link', { name: '返回' }))
    expect(screen.getByRole('radio', { name: '农村（村、村委会）' })).toHaveAttribute('aria-checked', 'true')
  })

  it('starts again with nothing chosen after 重新开始', () => {
    seedDraft({ cityCode: '140100', area: 'urban', members: [] }, 'hukou', false)
    renderScreen(<ScreeningFlow />)
    click(screen.getByText('重新开始'))
    expect(question()).toBe('您住在山西省哪个市？')
    expect(screen.queryByRole('radio', { checked: true })).not.toBeInTheDocument()
    expect(storedDraft().answers).toEqual({ members: [] })
  })

  it('opens the results after the last question and keeps every answer', () => {
    seedDraft(wangXiuying({ suddenHardship: undefined }), 'suddenHardship', false)
    renderScreen(<ScreeningFlow />)
    click(screen.getByText('继续上次'))
    expect(question()).toBe('最近家里有没有遇到突然的困难？')
    choose('没有')
    expect(redirect).toHaveBeenCalledWith({ url: '/subpackages/screening/results/index' })
    expect(storedDraft()).toMatchObject({ finished: true, answers: wangXiuying() })
  })

  it('changes one answer from the results and goes straight back to them', async () => {
    seedDraft(wangXiuying())
    renderScreen(<ScreeningFlow editKey='members.0.age' />)
    expect(question()).toBe('您的年龄是多少？')
    const age = await screen.findByLabelText('您的年龄是多少？')
    expect(age).toHaveValue(82)
    fireEvent.input(age, { target: { value: '79' } })
    pressContinue()
    expect(redirect).toHaveBeenCalledWith({ url: '/subpackages/screening/results/index' })
    expect(storedDraft().answers.members[0].age).toBe(79)
  })

  it('after a change that opens new questions, asks only those before going back to the results', async () => {
    seedDraft(wangXiuying())
    renderScreen(<ScreeningFlow editKey='householdSize' />)
    await answer('家里一共几口人（包括您自己）？', '2')
    expect(question()).toBe('第 2 位家庭成员是您的什么人？')
    expect(redirect).not.toHaveBeenCalled()
    choose('子女')
    await answer('您的子女的年龄是多少？', '52')
    choose('一级')
    choose('智力残疾')
    expect(question()).toBe('您的子女还能干活挣钱（有劳动能力）吗？')
    choose('不能')
    expect(redirect).toHaveBeenCalledWith({ url: '/subpackages/screening/results/index' })
    expect(storedDraft().answers.members[1]).toEqual({ relation: 'child', age: 52, disabilityGrade: 1, disabilityKind: 'intellectual', canWork: false })
  })
})
