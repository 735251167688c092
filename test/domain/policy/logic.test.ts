import { and, countTrue, isLikely, known, not, or, some, tierOf, type Tri } from '@/domain/policy/logic'

const values: Tri[] = [true, null, false]

describe('Kleene logic', () => {
  test.each(values.flatMap((a) => values.map((b) => [a, b] as const)))('and(%p, %p) and or(%p, %p)', (a, b) => {
    const expectedAnd = a === false || b === false ? false : a === null || b === null ? null : true
    const expectedOr = a === true || b === true ? true : a === null || b === null ? null : false
    expect(and(a, b)).toBe(expectedAnd)
    expect(or(a, b)).toBe(expectedOr)
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
