import { AREAS, CARE_SETTINGS, DISABILITY_KINDS, SELF_CARE_LEVELS } from '@/domain/policy'
import { SHANXI_CITIES } from '@/domain/screening'
import {
  CHILD_STATUS_ANSWERS,
  MEMBER_RELATIONS,
  emptyAnswers,
  memberAnswers,
  memberCount,
  withMemberAnswer,
  type Answers,
  type HouseholdField,
  type MemberAnswers,
  type MemberField,
} from './answers'

/**
 * The screener as ONE ordered list of steps (vita-min style): each asks one question and has a
 * `show(answers)` that skips it when its answer cannot change any result. Member steps are
 * repeated for every household member, in order, between the household steps before and after.
 */

/** A value an answer may take; null is 不确定. */
export type AnswerValue = string | number | boolean

export interface ChoiceOption {
  /** Names the option in the strings (questions.<id>.options.<key>) and in tests. */
  key: string
  value: AnswerValue
}

export type StepInput =
  | { kind: 'choice'; options: readonly ChoiceOption[] }
  | { kind: 'count'; min: number; max: number; example: string; rangeError: 'ageRange' | 'sizeRange' }
  | { kind: 'money'; example: string }

export type StepId =
  | 'city'
  | 'area'
  | 'hukou'
  | 'householdSize'
  | 'relation'
  | 'age'
  | 'disabilityGrade'
  | 'disabilityKind'
  | 'canWork'
  | 'selfCare'
  | 'childStatus'
  | 'careSetting'
  | 'admittedToHigherEducation'
  | 'monthlyIncome'
  | 'financialAssets'
  | 'hasExcludedProperty'
  | 'rigidExpensesLast12Months'
  | 'hasCapableSupporter'
  | 'suddenHardship'

interface StepDefinition {
  id: StepId
  scope: 'household' | 'member'
  input: StepInput
  /** Offers 不确定, stored as null. Only the questions the request cannot do without lack it. */
  notSure: boolean
  /** An empty field is accepted and read as 不确定 ("（可选）" in the heading). */
  optional?: boolean
  /** Whether the answer can still matter, given the answers of the steps shown before it. */
  show(answers: Answers, member: number): boolean
  read(answers: Answers, member: number): AnswerValue | null | undefined
  write(answers: Answers, member: number, value: AnswerValue | null): Answers
}

/** One question as asked: a definition bound to a household member where it is about one. */
export interface Step extends StepDefinition {
  /** Unique in the flow: `city`, `members.2.age`. */
  key: string
  /** The household member it asks about (0: 您自己). */
  member: number
}

// Each field is written only with the values its step offers, which the answers' schema accepts.
const household = (field: HouseholdField) => ({
  read: (answers: Answers) => answers[field],
  write: (answers: Answers, _member: number, value: AnswerValue | null): Answers => ({ ...answers, [field]: value }),
})

const member = (field: MemberField) => ({
  read: (answers: Answers, index: number) => memberAnswers(answers, index)[field],
  write: (answers: Answers, index: number, value: AnswerValue | null): Answers =>
    withMemberAnswer(answers, index, field, value as MemberAnswers[typeof field]),
})

const yesNo: ChoiceOption[] = [
  { key: 'yes', value: true },
  { key: 'no', value: false },
]
const choices = (values: readonly string[]): ChoiceOption[] => values.map((value) => ({ key: value, value }))
const always = () => true

/** When the person has said their household is not in Shanxi, only the benefits without a residence test can matter. */
const mayBeResident = (answers: Answers) => answers.hukouInShanxi !== false
const isChildInCare = (m: MemberAnswers) => m.childStatus === 'orphan' || m.childStatus === 'unattended'
const ageUnknownOr = (m: MemberAnswers, test: (age: number) => boolean) => m.age === null || m.age === undefined || test(m.age)

/** severe(m) may hold: grade 1 or 2, grade 3 of a kind not known to be other than intellectual or mental, or an unknown grade. */
function mayBeSevere(m: MemberAnswers): boolean {
  const grade = m.disabilityGrade
  if (grade === null || grade === undefined) return true
  if (grade === 1 || grade === 2) return true
  if (grade === 3) return m.disabilityKind === null || m.disabilityKind === undefined || m.disabilityKind === 'intellectual' || m.disabilityKind === 'mental'
  return false
}

/** Under 18 or 60 and over puts a member in tekun's category whatever else is true of them. */
const ageAloneDecidesCategory = (m: MemberAnswers) => m.age !== null && m.age !== undefined && (m.age < 18 || m.age >= 60)

/** tekun's [category] may hold for this member. */
const mayBeTekunCategory = (m: MemberAnswers) => ageUnknownOr(m, (age) => age < 18 || age >= 60) || (mayBeSevere(m) && m.canWork !== true)

/**
 * 福彩圆梦助学 has no age limit, but a student newly admitted to university is rarely older than
 * this, so the child-status question is asked of minors and young adults only.
 */
export const CHILD_STATUS_AGE_LIMIT = 25

export const STEP_DEFINITIONS: readonly StepDefinition[] = [
  {
    id: 'city',
    scope: 'household',
    input: { kind: 'choice', options: SHANXI_CITIES.map((city) => ({ key: city.code, value: city.code })) },
    notSure: false,
    show: always,
    ...household('cityCode'),
  },
  { id: 'area', scope: 'household', input: { kind: 'choice', options: choices(AREAS) }, notSure: false, show: always, ...household('area') },
  { id: 'hukou', scope: 'household', input: { kind: 'choice', options: yesNo }, notSure: true, show: always, ...household('hukouInShanxi') },
  {
    id: 'householdSize',
    scope: 'household',
    input: { kind: 'count', min: 1, max: 20, example: '3', rangeError: 'sizeRange' },
    notSure: false,
    show: always,
    ...household('householdSize'),
  },
  // —— each household member, 您自己 first ——
  {
    id: 'relation',
    scope: 'member',
    input: { kind: 'choice', options: choices(MEMBER_RELATIONS) },
    notSure: true,
    show: (_answers, index) => index > 0,
    ...member('relation'),
  },
  {
    id: 'age',
    scope: 'member',
    input: { kind: 'count', min: 0, max: 150, example: '82', rangeError: 'ageRange' },
    notSure: true,
    show: always,
    ...member('age'),
  },
  {
    id: 'disabilityGrade',
    scope: 'member',
    input: {
      kind: 'choice',
      options: [0, 1, 2, 3, 4].map((grade) => ({ key: grade === 0 ? 'none' : `grade${grade}`, value: grade })),
    },
    notSure: true,
    show: mayBeResident,
    ...member('disabilityGrade'),
  },
  {
    id: 'disabilityKind',
    scope: 'member',
    input: { kind: 'choice', options: choices(DISABILITY_KINDS) },
    notSure: true,
    show: (answers, index) => {
      const grade = memberAnswers(answers, index).disabilityGrade
      return mayBeResident(answers) && typeof grade === 'number' && grade >= 1
    },
    ...member('disabilityKind'),
  },
  {
    id: 'canWork',
    scope: 'member',
    input: { kind: 'choice', options: yesNo },
    notSure: true,
    // Only tekun reads it, and only for a severely disabled member of working age.
    show: (answers, index) => {
      const m = memberAnswers(answers, index)
      return mayBeResident(answers) && mayBeSevere(m) && !ageAloneDecidesCategory(m)
    },
    ...member('canWork'),
  },
  {
    id: 'selfCare',
    scope: 'member',
    input: { kind: 'choice', options: choices(SELF_CARE_LEVELS) },
    notSure: true,
    // The care subsidy is for members aged 60 and over.
    show: (answers, index) => mayBeResident(answers) && ageUnknownOr(memberAnswers(answers, index), (age) => age >= 60),
    ...member('selfCare'),
  },
  {
    id: 'childStatus',
    scope: 'member',
    input: { kind: 'choice', options: choices(CHILD_STATUS_ANSWERS) },
    notSure: true,
    show: (answers, index) => ageUnknownOr(memberAnswers(answers, index), (age) => age < CHILD_STATUS_AGE_LIMIT),
    ...member('childStatus'),
  },
  {
    id: 'careSetting',
    scope: 'member',
    input: { kind: 'choice', options: choices(CARE_SETTINGS) },
    notSure: true,
    // It sets the amount of the allowances for children under 18.
    show: (answers, index) => {
      const m = memberAnswers(answers, index)
      return mayBeResident(answers) && isChildInCare(m) && ageUnknownOr(m, (age) => age < 18)
    },
    ...member('careSetting'),
  },
  {
    id: 'admittedToHigherEducation',
    scope: 'member',
    input: { kind: 'choice', options: yesNo },
    notSure: true,
    show: (answers, index) => isChildInCare(memberAnswers(answers, index)),
    ...member('admittedToHigherEducation'),
  },
  // —— the household's money and circumstances ——
  {
    id: 'monthlyIncome',
    scope: 'household',
    input: { kind: 'money', example: '1200' },
    notSure: true,
    show: mayBeResident,
    ...household('monthlyIncome'),
  },
  {
    id: 'financialAssets',
    scope: 'household',
    input: { kind: 'money', example: '10000' },
    notSure: true,
    show: mayBeResident,
    ...household('financialAssets'),
  },
  {
    id: 'hasExcludedProperty',
    scope: 'household',
    input: { kind: 'choice', options: yesNo },
    notSure: true,
    show: mayBeResident,
    ...household('hasExcludedProperty'),
  },
  {
    id: 'rigidExpensesLast12Months',
    scope: 'household',
    input: { kind: 'money', example: '5000' },
    notSure: true,
    optional: true,
    show: mayBeResident,
    ...household('rigidExpensesLast12Months'),
  },
  {
    id: 'hasCapableSupporter',
    scope: 'household',
    input: { kind: 'choice', options: yesNo },
    notSure: true,
    // Only tekun asks it: skipped when no member can be in tekun's category.
    show: (answers) =>
      mayBeResident(answers) && Array.from({ length: memberCount(answers) }, (_, index) => memberAnswers(answers, index)).some(mayBeTekunCategory),
    ...household('hasCapableSupporter'),
  },
  { id: 'suddenHardship', scope: 'household', input: { kind: 'choice', options: yesNo }, notSure: true, show: always, ...household('suddenHardship') },
]

/** Every step for this household, shown or not, in order: member steps once per member. */
export function allSteps(answers: Answers): Step[] {
  const count = memberCount(answers)
  const steps: Step[] = []
  let index = 0
  while (index < STEP_DEFINITIONS.length) {
    const definition = STEP_DEFINITIONS[index]
    if (definition.scope === 'household') {
      steps.push({ ...definition, key: definition.id, member: 0 })
      index += 1
      continue
    }
    // A run of member steps: asked about the first member, then the next, …
    let end = index
    while (end < STEP_DEFINITIONS.length && STEP_DEFINITIONS[end].scope === 'member') end += 1
    const run = STEP_DEFINITIONS.slice(index, end)
    for (let m = 0; m < count; m += 1) {
      for (const step of run) steps.push({ ...step, key: `members.${m}.${step.id}`, member: m })
    }
    index = end
  }
  return steps
}

export interface Walk {
  /** The steps to ask, in order. */
  steps: Step[]
  /** Only the answers to those steps: what the rules should see (an answer to a skipped question does not count). */
  effective: Answers
}

/**
 * Walks the list in order. Each `show` sees only the answers of the steps shown before it, so
 * a stale answer to a question that is now skipped never brings other questions back.
 */
export function walk(answers: Answers): Walk {
  let effective: Answers = { ...emptyAnswers(), householdSize: answers.householdSize }
  const steps: Step[] = []
  for (const step of allSteps(answers)) {
    if (!step.show(effective, step.member)) continue
    steps.push(step)
    const value = step.read(answers, step.member)
    if (value !== undefined) effective = step.write(effective, step.member, value)
  }
  return { steps, effective }
}

export const visibleSteps = (answers: Answers): Step[] => walk(answers).steps

export function findStep(answers: Answers, key: string): Step | undefined {
  return visibleSteps(answers).find((step) => step.key === key)
}

/** The step after `key` among those shown now, or undefined at the end. */
export function nextStep(answers: Answers, key: string): Step | undefined {
  const steps = visibleSteps(answers)
  const index = steps.findIndex((step) => step.key === key)
  return index < 0 ? steps.find((step) => step.read(answers, step.member) === undefined) : steps[index + 1]
}

/** The step before `key` among those shown now, or undefined at the first. */
export function previousStep(answers: Answers, key: string): Step | undefined {
  const steps = visibleSteps(answers)
  const index = steps.findIndex((step) => step.key === key)
  return index > 0 ? steps[index - 1] : undefined
}

/** The first question shown that has no answer yet (不确定 is an answer). */
export function firstUnanswered(answers: Answers): Step | undefined {
  return visibleSteps(answers).find((step) => step.read(answers, step.member) === undefined)
}

/** "第 n 步，共约 total 步": the position among the steps shown given the answers so far. */
export function progress(answers: Answers, key: string): { n: number; total: number } {
  const steps = visibleSteps(answers)
  return { n: steps.findIndex((step) => step.key === key) + 1, total: steps.length }
}
