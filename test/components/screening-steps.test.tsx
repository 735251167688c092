import { heading, caption } from '@/features/screening/components/stepText'
import type { Answers, MemberAnswers } from '@/features/screening/model/answers'
import { toRequest } from '@/features/screening/model/results'
import { allSteps, progress, visibleSteps } from '@/features/screening/model/steps'
import { zhCN } from '@/locales/zh-CN'
import { liJianguoFamily, wangXiuying } from './screening-fixtures'

const keys = (answers: Answers) => visibleSteps(answers).map((step) => step.key)
const strings = zhCN.screening

describe('the screener’s step list', () => {
  it('asks an 82-year-old living alone 13 questions, none that cannot matter', () => {
    expect(keys(wangXiuying())).toEqual([
      'city',
      'area',
      'hukou',
      'householdSize',
      'members.0.age',
      'members.0.disabilityGrade',
      'members.0.selfCare',
      'monthlyIncome',
      'financialAssets',
      'hasExcludedProperty',
      'rigidExpensesLast12Months',
      'hasCapableSupporter',
      'suddenHardship',
    ])
  })

  it('asks about disability kind only with a disability grade, and work ability only where tekun could turn on it', () => {
    const person = (self: MemberAnswers) => keys(wangXiuying({}, self)).filter((key) => key.startsWith('members.0.'))
    expect(person({ age: 45, disabilityGrade: 0 })).toEqual(['members.0.age', 'members.0.disabilityGrade'])
    expect(person({ age: 45, disabilityGrade: 4 })).toEqual(['members.0.age', 'members.0.disabilityGrade', 'members.0.disabilityKind'])
    expect(person({ age: 45, disabilityGrade: 2 })).toEqual(['members.0.age', 'members.0.disabilityGrade', 'members.0.disabilityKind', 'members.0.canWork'])
    expect(person({ age: 45, disabilityGrade: 3, disabilityKind: 'physical' })).toEqual(['members.0.age', 'members.0.disabilityGrade', 'members.0.disabilityKind'])
    expect(person({ age: 45, disabilityGrade: 3, disabilityKind: 'mental' })).toContain('members.0.canWork')
    // At 70 the age alone puts the person in tekun's category.
    expect(person({ age: 70, disabilityGrade: 1 })).not.toContain('members.0.canWork')
    // Not sure of the grade: the kind cannot be asked, but work ability still matters.
    expect(person({ age: 45, disabilityGrade: null })).toEqual(['members.0.age', 'members.0.disabilityGrade', 'members.0.canWork'])
  })

  it('asks the child questions only about children, and the follow-ups only for an orphan or unattended child', () => {
    const child = (member: MemberAnswers) =>
      keys(liJianguoFamily({ members: [{ age: 45, disabilityGrade: 0 }, { relation: 'spouse', age: 43, disabilityGrade: 0 }, { relation: 'grandchild', ...member }] })).filter((key) =>
        key.startsWith('members.2.'),
      )
    expect(child({ age: 10, disabilityGrade: 0, childStatus: 'neither' })).toEqual(['members.2.relation', 'members.2.age', 'members.2.disabilityGrade', 'members.2.childStatus'])
    expect(child({ age: 10, disabilityGrade: 0, childStatus: 'orphan' })).toEqual([
      'members.2.relation',
      'members.2.age',
      'members.2.disabilityGrade',
      'members.2.childStatus',
      'members.2.careSetting',
      'members.2.admittedToHigherEducation',
    ])
    // A 19-year-old orphan may be newly admitted to university; the children's allowances end at 18.
    expect(child({ age: 19, disabilityGrade: 0, childStatus: 'orphan' })).toEqual([
      'members.2.relation',
      'members.2.age',
      'members.2.disabilityGrade',
      'members.2.childStatus',
      'members.2.admittedToHigherEducation',
    ])
    expect(keys(wangXiuying())).not.toContain('members.0.childStatus')
  })

  it('skips the money questions once the household is known not to be in Shanxi', () => {
    expect(keys(wangXiuying({ hukouInShanxi: false }))).toEqual(['city', 'area', 'hukou', 'householdSize', 'members.0.age', 'suddenHardship'])
  })

  it('skips the supporter question when nobody could be in tekun’s category', () => {
    expect(keys(liJianguoFamily({ members: [{ age: 40, disabilityGrade: 0 }, { relation: 'spouse', age: 38, disabilityGrade: 0 }] , householdSize: 2 }))).not.toContain('hasCapableSupporter')
    expect(keys(wangXiuying())).toContain('hasCapableSupporter')
  })

  it('repeats the member questions for every member: 1 person and 8', () => {
    const members = (answers: Answers) => new Set(visibleSteps(answers).filter((step) => step.scope === 'member').map((step) => step.member))
    expect(members(wangXiuying())).toEqual(new Set([0]))
    const eight = wangXiuying({ householdSize: 8, members: Array.from({ length: 8 }, (_, index) => ({ age: 30 + index, disabilityGrade: 0 })) })
    expect(members(eight)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]))
    expect(keys(eight).filter((key) => key.endsWith('.relation'))).toHaveLength(7)
    expect(allSteps(eight).filter((step) => step.id === 'age')).toHaveLength(8)
  })

  it('counts the progress among the steps shown so far: 第 n 步，共约 total 步', () => {
    const eight = wangXiuying({ householdSize: 8, members: [{ age: 82, disabilityGrade: 0, selfCare: 'full' }] })
    expect(progress(wangXiuying(), 'members.0.age')).toEqual({ n: 5, total: 13 })
    // The 7 others' answers are not known yet: every question that might matter about them is counted.
    expect(progress(eight, 'members.1.relation')).toEqual({ n: 8, total: visibleSteps(eight).length })
    expect(visibleSteps(eight).length).toBeGreaterThan(40)
  })

  it('names members by number, and by relation once it is known', () => {
    const family = liJianguoFamily({ members: [{ age: 45 }, { relation: 'spouse' }, {}] })
    const steps = visibleSteps(family)
    const step = (key: string) => steps.find((candidate) => candidate.key === key)!
    expect(heading(strings, family, step('members.0.age'))).toBe('您的年龄是多少？')
    expect(heading(strings, family, step('members.1.age'))).toBe('您的配偶的年龄是多少？')
    expect(heading(strings, family, step('members.2.relation'))).toBe('第 3 位家庭成员是您的什么人？')
    expect(heading(strings, family, step('members.2.age'))).toBe('第 3 位家庭成员的年龄是多少？')
    expect(caption(strings, family, step('members.1.age'))).toBe('第 2 位家庭成员')
    expect(caption(strings, wangXiuying(), visibleSteps(wangXiuying())[4])).toBeUndefined()
  })

  it('sends the rules only the answers to questions still asked, unknown as null', () => {
    // Once a child of 10, now corrected to 40: the old orphan answer must not count.
    const corrected = liJianguoFamily({ members: [{ age: 45 }, { relation: 'child', age: 40, childStatus: 'orphan', admittedToHigherEducation: true }], householdSize: 2 })
    const request = toRequest(corrected)
    expect(request?.members[1]).toMatchObject({ relation: 'child', age: 40, childStatus: null, admittedToHigherEducation: null })
    expect(request?.members[0]).toMatchObject({ relation: 'self', canWork: null })
    expect(toRequest(wangXiuying({ monthlyIncome: null }))?.monthlyIncome).toBeNull()
    expect(toRequest({ members: [] })).toBeUndefined()
  })
})
