/**
 * Three-valued (Kleene) logic: every criterion is true, false or null (unknown).
 * An unknown answer never counts as "no".
 */
export type Tri = boolean | null

/** Likely (可能符合), maybe (需进一步确认), unlikely (暂不符合). */
export const TIERS = ['likely', 'maybe', 'unlikely'] as const
export type Tier = (typeof TIERS)[number]

/** False if any is false, else null if any is null, else true. */
export function and(...values: Tri[]): Tri {
  let result: Tri = true
  for (const value of values) {
    if (value === false) return false
    if (value === null) result = null
  }
  return result
}

/** True if any is true, else null if any is null, else false. */
export function or(...values: Tri[]): Tri {
  let result: Tri = false
  for (const value of values) {
    if (value === true) return true
    if (value === null) result = null
  }
  return result
}

export function not(value: Tri): Tri {
  return value === null ? null : !value
}

/** "Some item …": an OR of the predicate over the items. */
export function some<T>(items: readonly T[], predicate: (item: T) => Tri): Tri {
  let result: Tri = false
  for (const item of items) {
    const value = predicate(item)
    if (value === true) return true
    if (value === null) result = null
  }
  return result
}

/** How many items the predicate is known to hold for (unknowns do not count). */
export function countTrue<T>(items: readonly T[], predicate: (item: T) => Tri): number {
  let count = 0
  for (const item of items) if (predicate(item) === true) count += 1
  return count
}

/** A fact about an answer that may be unknown: null in, null out. */
export function known<T>(value: T | null | undefined, test: (value: T) => boolean): Tri {
  return value === null || value === undefined ? null : test(value)
}

/** Unlikely if any criterion is false; likely if all are true; otherwise maybe. */
export function tierOf(criteria: readonly { met: Tri }[]): Tier {
  let tier: Tier = 'likely'
  for (const { met } of criteria) {
    if (met === false) return 'unlikely'
    if (met === null) tier = 'maybe'
  }
  return tier
}

/** A tier read as a three-valued "is likely": likely → true, unlikely → false, maybe → null. */
export function isLikely(tier: Tier): Tri {
  return tier === 'likely' ? true : tier === 'unlikely' ? false : null
}
