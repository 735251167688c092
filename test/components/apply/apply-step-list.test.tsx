import { ApplicationRequestSchema } from '@/domain/application'
import { emptyForm, type ApplyForm } from '@/features/apply/model/form'
import { STEPS, stepIssues, visibleSteps } from '@/features/apply/model/steps'
import { wangShufenForm } from '../../fixtures/applyForms'

const TODAY = '2026-03-01'

/** What each step fills in on the form, in the order the steps come. */
const FILLS: [string, (keyof ApplyForm)[]][] = [
  ['applicant', ['applicantKind', 'relative']],
  ['identity', ['name', 'idNumber']],
  ['contact', ['phone']],
  ['address', ['address']],
  ['members', ['members']],
  ['income', ['income']],
  ['assets', ['assets']],
  ['benefits', ['benefits']],
  ['documents', ['documents']],
  ['consent', ['privacy', 'sensitive', 'economicCheck']],
]

describe('申请: one list of steps, each checked by its own schema', () => {
  it('asks for every field of the request, each on one step', () => {
    const paths = STEPS.flatMap((step) => step.fields)
    expect(new Set(paths).size).toBe(paths.length)
    const asked = Object.keys(ApplicationRequestSchema.shape).filter((field) => field !== 'screening')
    expect(asked.filter((field) => !paths.some((path) => path === field || path.startsWith(`${field}.`)))).toEqual([])
  })

  it.each(FILLS.map(([step], index) => [step, index] as const))('passes %s as 王淑芬 filled it in, with every later step still blank', (step, index) => {
    const filled = wangShufenForm()
    const blank = emptyForm()
    const later = FILLS.slice(index + 1).flatMap(([, keys]) => keys)
    const form = { ...filled, ...Object.fromEntries(later.map((key) => [key, blank[key]])) } as ApplyForm
    expect(stepIssues(form, step as (typeof STEPS)[number]['id'], TODAY)).toEqual([])
  })

  it('names the household member whose ID number repeats the beneficiary’s before any benefit is chosen', () => {
    const form: ApplyForm = { ...wangShufenForm(), benefits: [], members: [{ name: '王淑芳', relation: 'sibling', idNumber: wangShufenForm().idNumber }] }
    expect(stepIssues(form, 'members', TODAY)).toEqual([{ path: 'members.0.idNumber', message: '与申请对象的身份证号码相同，申请对象不用再列为家庭成员' }])
  })

  it('asks each adult to authorize the economic check on the consent step only when the benefits need it', () => {
    const form: ApplyForm = { ...wangShufenForm(), economicCheck: {} }
    expect(stepIssues(form, 'consent', TODAY)).toEqual([{ path: 'consents.economicCheck', message: '王淑芬已满 18 岁，需要本人确认家庭经济状况核对授权' }])
    expect(stepIssues({ ...form, benefits: ['high_age_allowance'] }, 'consent', TODAY)).toEqual([])
  })

  it('counts the steps asked for this form', () => {
    expect(visibleSteps(wangShufenForm())).toEqual(['applicant', 'identity', 'contact', 'address', 'members', 'income', 'assets', 'benefits', 'documents', 'consent', 'review'])
  })
})
