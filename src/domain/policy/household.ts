import type { CityCode } from '../cities'

/**
 * The household the rules look at (POLICY.md "Input"). Every answer except the region and each
 * member's relation may be null or absent: that means "not sure", never "no".
 */
export const AREAS = ['urban', 'rural'] as const
export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'] as const
export const DISABILITY_GRADES = [0, 1, 2, 3, 4] as const
export const DISABILITY_KINDS = ['physical', 'intellectual', 'mental', 'visual', 'hearing', 'speech', 'multiple'] as const
export const SELF_CARE_LEVELS = ['full', 'partial', 'none'] as const
/** orphan 孤儿; unattended 事实无人抚养儿童. Null: neither (see `childStatus`). */
export const CHILD_STATUSES = ['orphan', 'unattended'] as const
export const CARE_SETTINGS = ['family', 'institution'] as const

export type Area = (typeof AREAS)[number]
export type Relation = (typeof RELATIONS)[number]
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number]
export type DisabilityKind = (typeof DISABILITY_KINDS)[number]
export type SelfCare = (typeof SELF_CARE_LEVELS)[number]
export type ChildStatus = (typeof CHILD_STATUSES)[number]
export type CareSetting = (typeof CARE_SETTINGS)[number]

/** An answer that may be unknown. */
type Answer<T> = T | null | undefined

export interface Member {
  relation: Relation
  age?: Answer<number>
  canWork?: Answer<boolean>
  /** 0: no disability; 1–4: grade on the disability certificate, 1 most severe. */
  disabilityGrade?: Answer<number>
  disabilityKind?: Answer<DisabilityKind>
  selfCare?: Answer<SelfCare>
  /**
   * orphan or unattended; null or absent when the member is neither. POLICY.md lists null as this
   * answer's third value, so a child status that is not set never makes a child benefit "maybe".
   */
  childStatus?: Answer<ChildStatus>
  careSetting?: Answer<CareSetting>
  admittedToHigherEducation?: Answer<boolean>
}

export interface Household {
  region: { cityCode: CityCode; area: Area }
  hukouInShanxi?: Answer<boolean>
  members: readonly Member[]
  /** The whole household's monthly income, CNY. */
  monthlyIncome?: Answer<number>
  financialAssets?: Answer<number>
  hasExcludedProperty?: Answer<boolean>
  rigidExpensesLast12Months?: Answer<number>
  hasCapableSupporter?: Answer<boolean>
  suddenHardship?: Answer<boolean>
}
