/**
 * A small seeded pseudo-random generator (sfc32 seeded through splitmix32), so that generated
 * sample data and benchmark inputs are identical on every machine and every run.
 * Not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** A normally distributed value (Box–Muller). */
  gaussian(mean?: number, sd?: number): number
  /** An index chosen in proportion to the weights. */
  weighted(weights: readonly number[]): number
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** A deterministic generator for a 32-bit integer seed. */
export function createRandom(seed: number): Random {
  const mix = splitmix32(seed)
  let a = mix()
  let b = mix()
  let c = mix()
  let d = mix()
  const nextUint = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) nextUint()

  const next = (): number => nextUint() / 4294967296
  let spare: number | undefined
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    gaussian: (mean = 0, sd = 1) => {
      if (spare !== undefined) {
        const value = spare
        spare = undefined
        return mean + sd * value
      }
      let u = 0
      while (u === 0) u = next()
      const v = next()
      const r = Math.sqrt(-2 * Math.log(u))
      spare = r * Math.sin(2 * Math.PI * v)
      return mean + sd * r * Math.cos(2 * Math.PI * v)
    },
    weighted: (weights) => {
      let total = 0
      for (const w of weights) total += w
      let target = next() * total
      for (let i = 0; i < weights.length; i++) {
        target -= weights[i] as number
        if (target < 0) return i
      }
      return weights.length - 1
    },
  }
  return random
}
