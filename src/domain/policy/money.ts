/**
 * Exact money arithmetic. An amount is a fraction num / den of yuan with safe-integer parts, built
 * from a number's decimal digits (0.1 is exactly one tenth), so that comparisons at a threshold and
 * half-up rounding see the exact decimal value, never a binary float's approximation of it.
 */
export interface Exact {
  readonly num: number
  readonly den: number
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/

function gcd(a: number, b: number): number {
  let x = Math.abs(a)
  let y = Math.abs(b)
  while (y !== 0) {
    const remainder = x % y
    x = y
    y = remainder
  }
  return x
}

/** Every intermediate must be a safe integer, or the arithmetic would no longer be exact. */
function safe(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount outside exact range: ${value}`)
  return value
}

function fraction(num: number, den: number): Exact {
  const divisor = gcd(safe(num), safe(den)) || 1
  return { num: num / divisor, den: den / divisor }
}

/** The exact decimal value of a finite number as written (String(0.1) is "0.1"). */
export function exact(value: number): Exact {
  if (Number.isSafeInteger(value)) return { num: value, den: 1 }
  // Fast path for whole fen: the nearest double to k / 100 is the only double that prints as k / 100.
  const fen = Math.round(value * 100)
  if (Number.isSafeInteger(fen) && fen / 100 === value) return fraction(fen, 100)
  const match = DECIMAL.exec(String(value))
  if (!match) throw new RangeError(`not a finite number: ${value}`)
  const [, sign, whole, decimals = '', exponent = '0'] = match
  const scale = decimals.length - Number(exponent)
  const digits = Number(`${sign}${whole}${decimals}`)
  return scale >= 0 ? fraction(digits, 10 ** scale) : fraction(digits * 10 ** -scale, 1)
}

const asExact = (value: Exact | number): Exact => (typeof value === 'number' ? exact(value) : value)

export function plus(a: Exact, b: Exact | number): Exact {
  const y = asExact(b)
  return fraction(safe(a.num * y.den) + safe(y.num * a.den), a.den * y.den)
}

export function minus(a: Exact, b: Exact | number): Exact {
  const y = asExact(b)
  return fraction(safe(a.num * y.den) - safe(y.num * a.den), a.den * y.den)
}

export function times(a: Exact, b: Exact | number): Exact {
  const y = asExact(b)
  return fraction(a.num * y.num, a.den * y.den)
}

export function dividedBy(a: Exact, divisor: number): Exact {
  if (!Number.isInteger(divisor) || divisor <= 0) throw new RangeError(`not a positive integer divisor: ${divisor}`)
  return fraction(a.num, a.den * divisor)
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Exact, b: Exact | number): -1 | 0 | 1 {
  const difference = minus(a, b).num
  return difference < 0 ? -1 : difference > 0 ? 1 : 0
}

/** Floor of num / den for integers, exactly. */
function floorDivide(num: number, den: number): number {
  const remainder = ((num % den) + den) % den
  return (num - remainder) / den
}

/** Rounded half up to whole yuan on the exact value: 869.7 → 870, 721.5 → 722, 400.49 → 400. */
export function roundHalfUp(a: Exact): number {
  return floorDivide(2 * a.num + a.den, 2 * a.den)
}

/** True when the number is a whole number of fen (at most two decimal places, exactly). */
export function isWholeFen(value: number): boolean {
  if (!Number.isFinite(value)) return false
  try {
    return 100 % exact(value).den === 0
  } catch {
    return false
  }
}

/** Yuan for people: "669", "1003.5", "约 333.33" (rounded half up to the fen when not exact). */
export function formatYuan(a: Exact): string {
  const fen = roundHalfUp(times(a, 100))
  const sign = fen < 0 ? '-' : ''
  const whole = Math.floor(Math.abs(fen) / 100)
  const cents = Math.abs(fen) % 100
  const digits = cents === 0 ? `${whole}` : cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${cents < 10 ? '0' : ''}${cents}`
  const approximate = 100 % a.den !== 0
  return `${approximate ? '约 ' : ''}${sign}${digits}`
}

/**
 * Whole fen as yuan without trailing zeros: 800 → '8', 850 → '8.5', 805 → '8.05'.
 * Integer arithmetic only, so an amount is never rounded by a float.
 */
export function yuanFromFen(fen: number): string {
  const whole = Math.floor(fen / 100)
  const cents = fen % 100
  if (cents === 0) return String(whole)
  return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${String(cents).padStart(2, '0')}`
}
