import type { ChildStatus, Member } from '../household'
import { and, known, not, or, type Tri } from '../logic'

/** Facts about one household member, each three-valued: an unknown answer gives null. */

export const ageAtLeast = (member: Member, years: number): Tri => known(member.age, (age) => age >= years)
export const ageBelow = (member: Member, years: number): Tri => known(member.age, (age) => age < years)

/** Holds a disability certificate of grade 1–4. */
export const isDisabled = (member: Member): Tri => known(member.disabilityGrade, (grade) => grade >= 1)

/**
 * severe(m), 重度残疾: grade 1 or 2 of any kind, or grade 3 intellectual or mental disability.
 * Grade 3 of unknown kind is unknown; grade 0 or 4 is not severe.
 */
export function isSevere(member: Member): Tri {
  const grade = member.disabilityGrade
  if (grade === null || grade === undefined) return null
  if (grade === 1 || grade === 2) return true
  if (grade !== 3) return false
  return known(member.disabilityKind, (kind) => kind === 'intellectual' || kind === 'mental')
}

/** 特困 category: aged 60 or over, under 18, or severely disabled and unable to work. */
export const isTekunCategory = (member: Member): Tri =>
  or(ageAtLeast(member, 60), ageBelow(member, 18), and(isSevere(member), not(member.canWork ?? null)))

/** Partly or wholly unable to look after themselves (部分失能 or 完全失能). */
export const needsCare = (member: Member): Tri => known(member.selfCare, (selfCare) => selfCare !== 'full')

/**
 * A child under 18 with this status (孤儿 or 事实无人抚养). A status that is not set is "neither";
 * a status that is set with an unknown age is unknown.
 */
export const isChildWithStatus = (member: Member, status: ChildStatus): Tri =>
  member.childStatus === status ? ageBelow(member, 18) : false

/** An orphan or unattended child (any age) admitted to higher education. */
export const isAidedStudent = (member: Member): Tri =>
  and(
    member.childStatus === 'orphan' || member.childStatus === 'unattended',
    known(member.admittedToHigherEducation, (admitted) => admitted),
  )
