// Ages that move with time from a birth month, and what counts as newly possible for an alert.
import { ageOn, householdOn, newlyPossible, checkRecordOf, screen, type SavedHousehold } from '@/domain/screening'

describe('ageOn: full years, a birthday taken as the first of the birth month', () => {
  test.each([
    ['1947-01', '2026-12-31', 79],
    ['1947-01', '2027-01-01', 80],
    ['1947-01', '2027-01-31', 80],
    ['2008-12', '2026-11-30', 17],
    ['2008-12', '2026-12-01', 18],
    ['2026-11', '2026-12-04', 0],
  ])('born %s, on %s: %i', (birthMonth, date, age) => {
    expect(ageOn(birthMonth, date)).toBe(age)
  })
})

const saved: Pick<SavedHousehold, 'household' | 'birthMonths'> = {
  household: {
    region: { cityCode: '140400', area: 'rural' },
    hukouInShanxi: true,
    members: [
      { relation: 'self', age: 79 },
      { relation: 'spouse', age: 77 },
    ],
    monthlyIncome: null,
  },
  birthMonths: ['1947-01', null],
}

test('householdOn moves the ages of members with a birth month, and keeps the others as told', () => {
  const later = householdOn(saved, '2027-06-01')
  expect(later.date).toBe('2027-06-01')
  expect(later.members.map((member) => member.age)).toEqual([80, 77])
})

test('newlyPossible: only a benefit that was unlikely and is now likely or maybe, with the criteria newly met', () => {
  const before = checkRecordOf(screen(householdOn(saved, '2026-12-31'), '2026-12-31'))
  expect(before.high_age_allowance?.tier).toBe('unlikely')
  const after = screen(householdOn(saved, '2027-01-01'), '2027-01-01')
  const found = newlyPossible(before, after)
  expect(found.map((item) => [item.benefit, item.tier])).toEqual([['high_age_allowance', 'likely']])
  expect(found[0].reasons).toHaveLength(1)
  expect(found[0].reasons[0]).toContain('80')
  // Already possible at the last check: no second alert.
  expect(newlyPossible(checkRecordOf(after), after)).toEqual([])
})
