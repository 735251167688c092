import { fireEvent, screen, within } from '@testing-library/react'
import { ApplyFlow } from '@/features/apply/components/ApplyFlow'
import { LI_JIANGUO, WANG_SHUFEN } from '../../fixtures/applications'
import { renderScreen } from '../render'
import { seedApplyDraft, storedApplyDraft, wangShufenForm } from './apply-storage'

const TODAY = '2026-03-01'
const click = (element: HTMLElement) => fireEvent.click(element)
const pressContinue = () => click(screen.getByText('继续'))
const heading = () => screen.getByRole('heading', { level: 1 }).textContent
const summary = () => screen.getByRole('alert')

async function type(label: string, text: string, index = 0) {
  await screen.findAllByLabelText(label)
  fireEvent.input(screen.getAllByLabelText(label)[index], { target: { value: text } })
}

function resume() {
  click(screen.getByText('继续上次'))
}

describe('申请: step validation', () => {
  it('checks the ID number with its check digit and says so next to the field and in the summary', async () => {
    seedApplyDraft({ applicantKind: 'self' }, 'identity')
    renderScreen(<ApplyFlow today={TODAY} />)
    resume()
    expect(heading()).toBe('申请对象的姓名和身份证号码')
    expect(screen.getByText('第 2 步，共约 11 步')).toBeInTheDocument()
    await type('姓名', WANG_SHUFEN.name)
    // One digit changed: the check character no longer fits.
    await type('居民身份证号码', '140105194912310035')
    pressContinue()
    expect(heading()).toBe('申请对象的姓名和身份证号码')
    const message = '身份证号码有误（校验位不符），请逐位核对'
    expect(within(summary()).getByText(message)).toBeInTheDocument()
    expect(screen.getAllByText(message)).toHaveLength(2)
    // What was typed stays.
    expect(screen.getByLabelText('姓名')).toHaveValue(WANG_SHUFEN.name)
    expect(screen.getByLabelText('居民身份证号码')).toHaveValue('140105194912310035')
  })

  it('shows the birth date and sex from a valid number for confirmation, and warns gently when the age differs from the screener', async () => {
    seedApplyDraft(
      {
        applicantKind: 'self',
        screening: {
          date: TODAY,
          region: { cityCode: '140100', area: 'urban' },
          hukouInShanxi: true,
          members: [{ relation: 'self', age: 60 }],
          monthlyIncome: null,
          financialAssets: null,
          hasExcludedProperty: null,
          rigidExpensesLast12Months: null,
          hasCapableSupporter: null,
          suddenHardship: null,
        },
      },
      'identity',
    )
    renderScreen(<ApplyFlow today={TODAY} />)
    resume()
    await type('居民身份证号码', WANG_SHUFEN.idNumber)
    expect(screen.getByText('出生日期 1949-12-31，女，76 岁。请核对是否正确。')).toBeInTheDocument()
    expect(screen.getByText('身份证显示 76 岁，自测时填的是 60 岁。请核对号码；如果号码正确，可以继续。')).toBeInTheDocument()
    await type('姓名', WANG_SHUFEN.name)
    pressContinue()
    expect(heading()).toBe('申请对象的联系电话')
  })

  it('asks for a mainland mobile number', async () => {
    seedApplyDraft({ applicantKind: 'self', name: WANG_SHUFEN.name, idNumber: WANG_SHUFEN.idNumber }, 'contact')
    renderScreen(<ApplyFlow today={TODAY} />)
    resume()
    await type('手机号码', '1380351246')
    pressContinue()
    expect(within(summary()).getByText('请填写 11 位手机号码（以 13–19 开头）')).toBeInTheDocument()
    await type('手机号码', '138 0351 2468')
    pressContinue()
    expect(heading()).toBe('申请对象住在哪里？')
  })

  it('refuses a household member whose ID number repeats the beneficiary or another member', async () => {
    seedApplyDraft(
      {
        applicantKind: 'self',
        name: WANG_SHUFEN.name,
        idNumber: WANG_SHUFEN.idNumber,
        members: [
          { name: LI_JIANGUO.name, relation: 'child', idNumber: LI_JIANGUO.idNumber },
          { name: '李建军', relation: 'child', idNumber: LI_JIANGUO.idNumber },
          { name: '王淑芳', relation: 'sibling', idNumber: WANG_SHUFEN.idNumber },
        ],
      },
      'members',
    )
    renderScreen(<ApplyFlow today={TODAY} />)
    resume()
    expect(heading()).toBe('和申请对象共同生活的家庭成员')
    pressContinue()
    expect(within(summary()).getByText('与第 1 位家庭成员的身份证号码相同')).toBeInTheDocument()
    expect(within(summary()).getByText('与申请对象的身份证号码相同，申请对象不用再列为家庭成员')).toBeInTheDocument()
    const second = screen.getByRole('group', { name: '第 2 位家庭成员' })
    expect(within(second).getByText('与第 1 位家庭成员的身份证号码相同')).toBeInTheDocument()
    // Removing the two repeats lets the person go on.
    click(within(screen.getByRole('group', { name: '第 3 位家庭成员' })).getByText('删除这位家庭成员'))
    click(within(screen.getByRole('group', { name: '第 2 位家庭成员' })).getByText('删除这位家庭成员'))
    pressContinue()
    expect(heading()).toBe('家庭每月收入')
    expect(storedApplyDraft().form.members).toHaveLength(1)
  })
})

describe('申请: nothing typed is lost', () => {
  it('offers to resume after the app was closed, with everything typed still there', async () => {
    seedApplyDraft({ applicantKind: 'self' }, 'identity')
    const first = renderScreen(<ApplyFlow today={TODAY} />)
    resume()
    await type('姓名', WANG_SHUFEN.name)
    await type('居民身份证号码', '1401051949')
    // The app is closed: only the device's storage is left.
    first.unmount()
    renderScreen(<ApplyFlow today={TODAY} />)
    expect(screen.getByText('您有一份没填完的申请')).toBeInTheDocument()
    expect(screen.getByText('上次填到第 2 步，填过的内容都在。')).toBeInTheDocument()
    resume()
    expect(heading()).toBe('申请对象的姓名和身份证号码')
    expect(await screen.findByLabelText('姓名')).toHaveValue(WANG_SHUFEN.name)
    expect(screen.getByLabelText('居民身份证号码')).toHaveValue('1401051949')
  })
})

describe('申请: the review', () => {
  it('shows everything with ID numbers and phones masked and a 修改 link for each part', () => {
    seedApplyDraft(wangShufenForm(), 'review')
    renderScreen(<ApplyFlow today={TODAY} />)
    resume()
    expect(heading()).toBe('核对申请内容')
    expect(screen.getByText('1401**********0025')).toBeInTheDocument()
    expect(screen.getByText('李建国（子女）1401**********2510')).toBeInTheDocument()
    expect(screen.getByText('138****2468')).toBeInTheDocument()
    expect(screen.queryByText(WANG_SHUFEN.idNumber)).not.toBeInTheDocument()
    expect(screen.getByText('太原市小店区 坞城街道 双塔西街 38 号院 5 号楼 2 单元 301')).toBeInTheDocument()
    expect(screen.getByText('最低生活保障、高龄津贴')).toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: /^修改/ })).toHaveLength(10)
  })

  it('修改 opens that step, and 继续 comes back to the review', async () => {
    seedApplyDraft(wangShufenForm(), 'review')
    renderScreen(<ApplyFlow today={TODAY} />)
    resume()
    click(screen.getByRole('link', { name: '修改申请对象的联系电话' }))
    expect(heading()).toBe('申请对象的联系电话')
    await type('手机号码', '13934200517')
    pressContinue()
    expect(heading()).toBe('核对申请内容')
    expect(screen.getByText('139****0517')).toBeInTheDocument()
  })
})
