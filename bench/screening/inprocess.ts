/**
 * Households per second through all 13 rules, in-process (the same `screen` the app and the server
 * run). Baseline, measured in the same run on the same households: ScreeningRequestSchema.parse
 * alone, the validation every request gets before it is screened. Goal: ≤ 50 µs per household.
 *
 *   npx tsx bench/screening/inprocess.ts [households] [rounds]
 */
import { pathToFileURL } from 'url'
import { ScreeningRequestSchema, screen } from '../../src/domain/screening'
import { randomHouseholds } from './households'

export const GOAL_MICROSECONDS = 50

/**
 * Microseconds per item for each workload over the same items: the median of `rounds` timed passes
 * after two warm-up passes. Passes of the workloads alternate, so a busy machine slows them alike.
 */
export function microsecondsPerItem<T>(items: readonly T[], workloads: readonly ((item: T) => unknown)[], rounds = 7): number[] {
  let sink = 0
  const pass = (work: (item: T) => unknown) => {
    const start = process.hrtime.bigint()
    for (const item of items) if (work(item)) sink += 1
    return Number(process.hrtime.bigint() - start) / 1000 / items.length
  }
  const times = workloads.map((): number[] => [])
  for (let round = -2; round < rounds; round += 1) {
    workloads.forEach((work, i) => {
      const time = pass(work)
      if (round >= 0) times[i].push(time)
    })
  }
  if (sink < 0) throw new Error('unreachable: keeps the work from being optimised away')
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)])
}

export interface InProcessFigures {
  households: number
  rounds: number
  screenMicroseconds: number
  baselineMicroseconds: number
  householdsPerSecond: number
  ratio: number
}

export function measureInProcess(count = 20_000, rounds = 7): InProcessFigures {
  const households = randomHouseholds(count)
  const today = '2025-08-01'
  const [baselineMicroseconds, screenMicroseconds] = microsecondsPerItem(
    households,
    [(h) => ScreeningRequestSchema.parse(h), (h) => screen(h, today)],
    rounds,
  )
  return {
    households: count,
    rounds,
    screenMicroseconds,
    baselineMicroseconds,
    householdsPerSecond: Math.round(1e6 / screenMicroseconds),
    ratio: screenMicroseconds / baselineMicroseconds,
  }
}

export function report(figures: InProcessFigures): string {
  const f = (n: number) => n.toFixed(2)
  return [
    `screening in-process: ${figures.households} seeded random households, all 13 rules, median of ${figures.rounds} alternating timed passes`,
    `  screen():                         ${f(figures.screenMicroseconds)} µs/household  (${figures.householdsPerSecond.toLocaleString('en')} households/s)`,
    `  baseline, zod parse of the same:  ${f(figures.baselineMicroseconds)} µs/household`,
    `  ratio screen / baseline:          ${f(figures.ratio)}×`,
    `  goal ≤ ${GOAL_MICROSECONDS} µs/household:           ${figures.screenMicroseconds <= GOAL_MICROSECONDS ? 'met' : 'NOT met'}`,
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, rounds] = process.argv.slice(2).map(Number)
  process.stdout.write(`${report(measureInProcess(count || undefined, rounds || undefined))}\n`)
}
