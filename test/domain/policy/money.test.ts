import { compare, dividedBy, exact, formatYuan, isWholeFen, minus, plus, roundHalfUp, times } from '@/domain/policy/money'

describe('exact money', () => {
  test('rounds half up on the exact decimal value, not the float', () => {
    expect(roundHalfUp(times(exact(669), 1.3))).toBe(870) // 869.7
    expect(roundHalfUp(times(exact(555), 1.3))).toBe(722) // 721.5
    expect(roundHalfUp(times(exact(1.005), 100))).toBe(101) // 100.5 exactly; 1.005 * 100 is 100.49999999999999 as a float
    expect(roundHalfUp(times(minus(exact(669), 400), 1))).toBe(269)
    expect(roundHalfUp(exact(0.5))).toBe(1)
    expect(roundHalfUp(exact(1006.49))).toBe(1006)
    expect(roundHalfUp(exact(0))).toBe(0)
  })

  test('sums and comparisons see 0.1 + 0.2 as exactly 0.3', () => {
    expect(compare(plus(exact(0.1), 0.2), 0.3)).toBe(0)
    expect(compare(times(exact(2500.1), 12), 30001.2)).toBe(0) // 30001.199999999997 as a float
  })

  test('per-person amounts stay exact: 2006 / 3 is below 669, 2007 / 3 is not', () => {
    expect(compare(dividedBy(exact(2006), 3), 669)).toBe(-1)
    expect(compare(dividedBy(exact(2007), 3), 669)).toBe(0)
  })

  test('whole fen only', () => {
    expect([0, 1, 0.5, 0.01, 16056.01, 1e9].every(isWholeFen)).toBe(true)
    expect([0.001, 1e-7, 800.555, Number.NaN, Number.POSITIVE_INFINITY].some(isWholeFen)).toBe(false)
  })

  test('formats yuan for people, marking rounded figures', () => {
    expect(formatYuan(exact(669))).toBe('669')
    expect(formatYuan(exact(1003.5))).toBe('1003.5')
    expect(formatYuan(exact(16056.01))).toBe('16056.01')
    expect(formatYuan(dividedBy(exact(2006), 3))).toBe('约 668.67')
    expect(formatYuan(exact(-166.5))).toBe('-166.5')
  })

  test('refuses what it cannot hold exactly instead of guessing', () => {
    expect(() => times(exact(1e9), 1e9)).toThrow(RangeError)
  })
})
