import { z } from 'zod'
import { AREAS, CARE_SETTINGS, CHILD_STATUSES, DISABILITY_KINDS, SELF_CARE_LEVELS, type Relation } from '@/domain/policy'
import { CITY_CODES } from '@/domain/screening'

/**
 * What the person has answered so far. A field that is absent has not been asked yet; `null` is
 * the answer 不确定 (unknown), never "no". Member 0 is the person themself.
 */
const notSure = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

/** 都不是 (neither orphan nor unattended) is kept apart from 不确定, although the rules read both as null. */
export const CHILD_STATUS_ANSWERS = [...CHILD_STATUSES, 'neither'] as const

/** How another member is related to the person (member 0 is always 'self'). */
export const MEMBER_RELATIONS = ['spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'] as const satisfies readonly Relation[]

export const MemberAnswersSchema = z.object({
  /** Never asked for member 0 (您自己); 不确定 reads as 其他亲属. */
  relation: notSure(z.enum(MEMBER_RELATIONS)),
  age: notSure(z.number().int().min(0).max(150)),
  canWork: notSure(z.boolean()),
  disabilityGrade: notSure(z.number().int().min(0).max(4)),
  disabilityKind: notSure(z.enum(DISABILITY_KINDS)),
  selfCare: notSure(z.enum(SELF_CARE_LEVELS)),
  childStatus: notSure(z.enum(CHILD_STATUS_ANSWERS)),
  careSetting: notSure(z.enum(CARE_SETTINGS)),
  admittedToHigherEducation: notSure(z.boolean()),
})

const money = z.number().min(0).max(1e9)

export const AnswersSchema = z.object({
  /** The request needs a region, so city and area have no 不确定. */
  cityCode: z.enum(CITY_CODES).optional(),
  area: z.enum(AREAS).optional(),
  hukouInShanxi: notSure(z.boolean()),
  /** Members are counted, not guessed: the rules divide by this number. */
  householdSize: z.number().int().min(1).max(20).optional(),
  /** May hold more entries than householdSize (kept if the size goes down and up again); only the first householdSize count. */
  members: z.array(MemberAnswersSchema).max(20),
  monthlyIncome: notSure(money),
  financialAssets: notSure(money),
  hasExcludedProperty: notSure(z.boolean()),
  rigidExpensesLast12Months: notSure(money),
  hasCapableSupporter: notSure(z.boolean()),
  suddenHardship: notSure(z.boolean()),
})

export type MemberAnswers = z.infer<typeof MemberAnswersSchema>
export type Answers = z.infer<typeof AnswersSchema>
export type MemberField = keyof MemberAnswers
export type HouseholdField = Exclude<keyof Answers, 'members'>

export const emptyAnswers = (): Answers => ({ members: [] })

/** How many people the questions are about: the household size once given, else the person alone. */
export const memberCount = (answers: Answers): number => answers.householdSize ?? 1

export function memberAnswers(answers: Answers, index: number): MemberAnswers {
  return answers.members[index] ?? {}
}

export function withMemberAnswer<K extends MemberField>(answers: Answers, index: number, field: K, value: MemberAnswers[K]): Answers {
  const members = [...answers.members]
  while (members.length <= index) members.push({})
  members[index] = { ...members[index], [field]: value }
  return { ...answers, members }
}
