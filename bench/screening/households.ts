/**
 * Random but plausible households for benchmarks, from a seed (the same seed gives the same
 * households in every run). Every household passes ScreeningRequestSchema; about one answer in
 * eight is left unknown, as residents do.
 */
import type { ScreeningRequest, ScreeningRequestMember } from '../../src/domain/screening'
import { CITY_CODES } from '../../src/domain/cities'

export type Random = () => number

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))
/** The answer, or null ("not sure") one time in eight. */
const answer = <T>(random: Random, value: T): T | null => (random() < 0.125 ? null : value)
/** Whole fen, as the schema requires. */
const money = (random: Random, max: number) => Math.round(random() * max * 100) / 100

function randomMember(random: Random, relation: ScreeningRequestMember['relation']): ScreeningRequestMember {
  const age = int(random, 0, 105)
  const grade = random() < 0.85 ? 0 : int(random, 1, 4)
  const child = age < 18 && random() < 0.1
  return {
    relation,
    age: answer(random, age),
    canWork: answer(random, age >= 18 && age < 60 && grade === 0 ? random() < 0.8 : random() < 0.1),
    disabilityGrade: answer(random, grade),
    disabilityKind: grade > 0 ? answer(random, pick(random, ['physical', 'intellectual', 'mental', 'visual', 'hearing', 'speech', 'multiple'] as const)) : null,
    selfCare: age >= 60 ? answer(random, pick(random, ['full', 'full', 'partial', 'none'] as const)) : null,
    childStatus: child ? pick(random, ['orphan', 'unattended'] as const) : null,
    careSetting: child ? answer(random, pick(random, ['family', 'institution'] as const)) : null,
    admittedToHigherEducation: child && age >= 17 ? answer(random, random() < 0.5) : null,
  }
}

const otherRelations = ['spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'] as const

/** One household: mostly 1–6 people, now and then up to 20. */
export function randomHousehold(random: Random): ScreeningRequest {
  const size = random() < 0.95 ? int(random, 1, 6) : int(random, 7, 20)
  const members = [randomMember(random, 'self')]
  while (members.length < size) members.push(randomMember(random, pick(random, otherRelations)))
  return {
    date: pick(random, ['2025-08-01', '2026-01-01', null]),
    region: { cityCode: pick(random, CITY_CODES), area: pick(random, ['urban', 'rural'] as const) },
    hukouInShanxi: answer(random, random() < 0.9),
    members,
    monthlyIncome: answer(random, money(random, 1500 * size)),
    financialAssets: answer(random, money(random, 40000 * size)),
    hasExcludedProperty: answer(random, random() < 0.2),
    rigidExpensesLast12Months: answer(random, random() < 0.6 ? 0 : money(random, 80000)),
    hasCapableSupporter: answer(random, random() < 0.5),
    suddenHardship: answer(random, random() < 0.1),
  }
}

export function randomHouseholds(count: number, seed = 20250801): ScreeningRequest[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => randomHousehold(random))
}
