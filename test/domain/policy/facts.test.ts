import type { Member } from '@/domain/policy/household'
import { isAidedStudent, isChildWithStatus, isSevere, isTekunCategory } from '@/domain/policy/rules/facts'

const member = (facts: Partial<Member>): Member => ({ relation: 'self', ...facts })

describe('severe(m): 重度残疾', () => {
  test.each([
    [0, null, false],
    [1, 'physical', true],
    [2, 'hearing', true],
    [2, null, true],
    [3, 'intellectual', true],
    [3, 'mental', true],
    [3, 'physical', false],
    [3, 'visual', false],
    [3, null, null],
    [4, 'mental', false],
    [null, 'mental', null],
  ] as const)('grade %p, kind %p → %p', (disabilityGrade, disabilityKind, expected) => {
    expect(isSevere(member({ disabilityGrade, disabilityKind }))).toBe(expected)
  })
})

describe('the 特困 category', () => {
  test.each([
    [{ age: 59, disabilityGrade: 0 }, false],
    [{ age: 60, disabilityGrade: 0 }, true],
    [{ age: 17, disabilityGrade: 0 }, true],
    [{ age: 18, disabilityGrade: 0 }, false],
    [{ age: 40, disabilityGrade: 1, canWork: false }, true],
    [{ age: 40, disabilityGrade: 1, canWork: true }, false],
    [{ age: 40, disabilityGrade: 1, canWork: null }, null],
    [{ age: null, disabilityGrade: 0 }, null],
    [{ age: null, disabilityGrade: 2, canWork: false }, true],
  ] as const)('%p → %p', (facts, expected) => {
    expect(isTekunCategory(member(facts))).toBe(expected)
  })
})

describe('child status', () => {
  test('needs the status set; an unknown age with the status set is unknown', () => {
    expect(isChildWithStatus(member({ age: 10, childStatus: 'orphan' }), 'orphan')).toBe(true)
    expect(isChildWithStatus(member({ age: 18, childStatus: 'orphan' }), 'orphan')).toBe(false)
    expect(isChildWithStatus(member({ childStatus: 'orphan' }), 'orphan')).toBe(null)
    expect(isChildWithStatus(member({ childStatus: 'orphan' }), 'unattended')).toBe(false)
    expect(isChildWithStatus(member({ age: 10 }), 'orphan')).toBe(false)
  })

  test('圆梦助学 has no age limit and needs the admission known', () => {
    expect(isAidedStudent(member({ age: 23, childStatus: 'unattended', admittedToHigherEducation: true }))).toBe(true)
    expect(isAidedStudent(member({ childStatus: 'orphan', admittedToHigherEducation: null }))).toBe(null)
    expect(isAidedStudent(member({ admittedToHigherEducation: true }))).toBe(false)
  })
})
