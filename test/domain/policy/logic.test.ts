import { and, countTrue, isLikely, known, not, or, some, tierOf, type Tri } from '@/domain/policy/logic'

describe('Kleene logic', () => {
  // POLICY.md's truth table, written out: a, b, a AND b, a OR b.
  test.each([
    [true, true, true, true],
    [true, null, null, true],
    [true, false, false, true],
    [null, true, null, true],
    [null, null, null, null],
    [null, false, false, null],
    [false, true, false, true],
    [false, null, false, null],
    [false, false, false, false],
  ] as [Tri, Tri, Tri, Tri][])('and(%p, %p) is %p, or is %p', (a, b, conjunction, disjunction) => {
    expect(and(a, b)).toBe(conjunction)
    expect(or(a, b)).toBe(disjunction)
  })

  test('an empty AND is true and an empty OR is false', () => {
    expect(and()).toBe(true)
    expect(or()).toBe(false)
  })

  test('not keeps unknown unknown', () => {
    expect([not(true), not(false), not(null)]).toEqual([false, true, null])
  })

  test('"some member" is an OR over members, and counts only the known ones', () => {
    const members = [{ age: 82 }, { age: null }, { age: 40 }]
    const over80 = (m: { age: number | null }) => known(m.age, (age) => age >= 80)
    expect(some(members, over80)).toBe(true)
    expect(some(members.slice(1), over80)).toBe(null)
    expect(some(members.slice(2), over80)).toBe(false)
    expect(some([], over80)).toBe(false)
    expect(countTrue(members, over80)).toBe(1)
  })

  test('a tier is unlikely if any criterion fails, likely if all hold, maybe otherwise', () => {
    expect(tierOf([{ met: true }, { met: true }])).toBe('likely')
    expect(tierOf([{ met: true }, { met: null }])).toBe('maybe')
    expect(tierOf([{ met: null }, { met: false }])).toBe('unlikely')
  })

  test('a tier read as "is likely"', () => {
    expect([isLikely('likely'), isLikely('maybe'), isLikely('unlikely')]).toEqual([true, null, false])
  })
})
