import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { ScreeningFlow } from '@/features/screening/components/ScreeningFlow'
import { renderScreen } from './render'
import { wangXiuying } from './screening-fixtures'
import { seedDraft, storedDraft } from './screening-storage'

const pressContinue = () => fireEvent.click(screen.getByText('继续'))
const question = () => screen.getByRole('heading', { level: 1 }).textContent

/** Opens the question page at one question, as 继续上次 would. */
async function openAt(step: string, answers = wangXiuying()) {
  seedDraft(answers, step, false)
  renderScreen(<ScreeningFlow />)
  fireEvent.click(screen.getByText('继续上次'))
}

async function type(label: string, text: string) {
  const field = await screen.findByLabelText(label)
  fireEvent.input(field, { target: { value: text } })
  return field
}

describe('a question page', () => {
  it('has the question as its one heading, a back link, the progress and 继续', async () => {
    await openAt('members.0.age')
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1)
    expect(question()).toBe('您的年龄是多少？')
    expect(screen.getByRole('link', { name: '返回' })).toBeInTheDocument()
    expect(screen.getByText('第 5 步，共约 13 步')).toBeInTheDocument()
    expect(screen.getByText('按周岁填写，例如 82')).toBeInTheDocument()
    expect(screen.getByText('继续')).toBeInTheDocument()
  })

  it('names the field after the question and describes it with the hint', async () => {
    await openAt('members.0.age')
    const age = await screen.findByLabelText('您的年龄是多少？')
    expect(age).toHaveDisplayValue('82')
    expect(age).toHaveAccessibleDescription('按周岁填写，例如 82')
  })

  it('keeps what was typed when it is out of range, and says why next to the field and at the top', async () => {
    await openAt('members.0.age')
    const age = await type('您的年龄是多少？', '200')
    pressContinue()
    expect(question()).toBe('您的年龄是多少？')
    expect(age).toHaveDisplayValue('200')
    // Taro's input passes the new attributes down to its inner <input> on its next render.
    await waitFor(() => expect(age).toHaveAttribute('aria-invalid', 'true'))
    expect(age).toHaveAccessibleDescription(expect.stringContaining('年龄应在 0 到 150 岁之间'))
    const summary = screen.getByRole('alert')
    expect(within(summary).getByText('请先修改下面的问题')).toBeInTheDocument()
    expect(within(summary).getByRole('link', { name: '年龄应在 0 到 150 岁之间' })).toBeInTheDocument()
    expect(screen.getAllByText('年龄应在 0 到 150 岁之间')).toHaveLength(2)
    expect(storedDraft().answers.members[0].age).toBe(82)
  })

  it('asks for a number or 不确定 when the field is left empty', async () => {
    await openAt('members.0.age')
    await type('您的年龄是多少？', '')
    pressContinue()
    expect(screen.getAllByText('请填写数字，或选择“不确定”')).toHaveLength(2)
  })

  it('takes 不确定 instead of a number, and keeps the number typed in case the person changes their mind', async () => {
    await openAt('members.0.age')
    const age = await type('您的年龄是多少？', '200')
    pressContinue()
    fireEvent.click(screen.getByRole('checkbox', { name: '不确定' }))
    expect(screen.getByRole('checkbox', { name: '不确定' })).toHaveAttribute('aria-checked', 'true')
    expect(age).toHaveDisplayValue('200')
    pressContinue()
    expect(question()).toBe('您有残疾人证吗？是几级？')
    expect(storedDraft().answers.members[0].age).toBeNull()
  })

  it('moves on with 不确定 and stores it as unknown, not as no', async () => {
    await openAt('monthlyIncome')
    fireEvent.click(screen.getByRole('checkbox', { name: '不确定' }))
    pressContinue()
    expect(question()).toBe('全家的存款、理财一共大约多少元？')
    expect(storedDraft().answers.monthlyIncome).toBeNull()
  })

  it('checks money: not negative, at most two decimals', async () => {
    await openAt('monthlyIncome')
    const income = await type('全家每个月收入一共大约多少元？', '1200.505')
    pressContinue()
    expect(income).toHaveDisplayValue('1200.505')
    expect(screen.getAllByText('最多填写到分（小数点后两位）')).toHaveLength(2)
    await type('全家每个月收入一共大约多少元？', '-5')
    pressContinue()
    expect(screen.getAllByText('不能是负数')).toHaveLength(2)
    await type('全家每个月收入一共大约多少元？', '1200.50')
    pressContinue()
    expect(question()).toBe('全家的存款、理财一共大约多少元？')
    expect(storedDraft().answers.monthlyIncome).toBe(1200.5)
  })

  it('checks the household size: 1 to 20 people', async () => {
    await openAt('householdSize')
    await type('家里一共几口人（包括您自己）？', '21')
    pressContinue()
    expect(screen.getAllByText('家里人数应在 1 到 20 人之间')).toHaveLength(2)
    // The count is needed to work out income per person, so it has no 不确定.
    expect(screen.queryByRole('checkbox', { name: '不确定' })).not.toBeInTheDocument()
  })

  it('marks an optional question （可选） and accepts it left empty', async () => {
    await openAt('rigidExpensesLast12Months')
    expect(question()).toBe('过去 12 个月，全家看病、上学一共自己花了多少元？（可选）')
    await type('过去 12 个月，全家看病、上学一共自己花了多少元？（可选）', '')
    pressContinue()
    expect(question()).toBe('有没有能够赡养、抚养或扶养您家的亲属？')
    expect(storedDraft().answers.rigidExpensesLast12Months).toBeNull()
  })

  it('groups a choice question’s options under the question, 不确定 last', async () => {
    await openAt('members.0.selfCare')
    const group = screen.getByRole('radiogroup', { name: '您的生活能自理吗？' })
    expect(within(group).getAllByRole('radio').map((radio) => radio.textContent)).toEqual(['都能自己做', '有些需要别人帮忙', '几乎都要别人照顾', '不确定'])
    expect(within(group).getByRole('radio', { name: '都能自己做' })).toHaveAttribute('aria-checked', 'true')
    expect(group).toHaveAccessibleDescription('吃饭、穿衣、洗澡、上厕所、走动这些事能不能自己做')
  })
})
