/**
 * Pieces of the nearby benchmark, exported so that other runs (e.g. the HTTP throughput
 * comparison against a bare Fastify route) can reuse the same data set, queries and statistics.
 */
import { percentile } from '../lib/load'
import { FacilityIndex, type NearestHit, type NearestQuery, linearNearest } from '../../src/domain/care/geo'
import type { FacilityType } from '../../src/domain/care/facility'
import { createRandom } from '../../server/facilities/random'
import { type NationalPoint, generateNationalScale } from './nationalScale'

export interface BenchOptions {
  points: number
  queries: number
  /** How many of the queries are also answered by the linear scan (and compared). */
  scanned: number
  k: number
  radiusKm: number
  seed: number
  warmup: number
}

export const DEFAULT_OPTIONS: BenchOptions = {
  points: 400_000,
  queries: 10_000,
  // Every query is also answered by the scan and compared, so a wrong answer anywhere is found.
  scanned: 10_000,
  k: 20,
  radiusKm: 10,
  seed: 20250630,
  warmup: 500,
}

export interface Scenario {
  name: string
  types?: readonly FacilityType[]
  openAt?: string
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'all types' },
  { name: 'canteens open Mon 12:00', types: ['canteen'], openAt: '2025-06-30T12:00:00+08:00' },
]

const nowNs = (): bigint => process.hrtime.bigint()
const msSince = (start: bigint): number => Number(nowNs() - start) / 1e6


export interface Summary {
  count: number
  p50: number
  p90: number
  p99: number
  max: number
  mean: number
}

export function summarise(timesMs: readonly number[]): Summary {
  const sorted = [...timesMs].sort((a, b) => a - b)
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(sorted.length, 1)
  return { count: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN, mean }
}

export function makeDataset(options: Pick<BenchOptions, 'points' | 'seed'>): { points: NationalPoint[]; generateMs: number } {
  const start = nowNs()
  const points = generateNationalScale(options.points, options.seed)
  return { points, generateMs: msSince(start) }
}

/**
 * Seeded query points: 90 % near an existing facility (jittered about 5 km, where people who
 * search are), 10 % anywhere in China's extent (often nothing within range).
 */
export function makeQueries(points: readonly NationalPoint[], count: number, seed: number): { lat: number; lng: number }[] {
  const rng = createRandom(seed ^ 0x5bd1e995)
  const queries: { lat: number; lng: number }[] = []
  for (let i = 0; i < count; i++) {
    if (rng.chance(0.9)) {
      const p = points[rng.int(0, points.length - 1)] as NationalPoint
      queries.push({ lat: p.lat + rng.gaussian(0, 0.045), lng: p.lng + rng.gaussian(0, 0.055) })
    } else {
      queries.push({ lat: 18 + rng.next() * 35.5, lng: 73.5 + rng.next() * 61.5 })
    }
  }
  return queries
}

export interface BuildFigures {
  coldMs: number
  medianMs: number
  runs: number
}

export function measureBuild(points: readonly NationalPoint[], runs = 5): { index: FacilityIndex<NationalPoint>; build: BuildFigures } {
  const times: number[] = []
  let index: FacilityIndex<NationalPoint> | undefined
  for (let i = 0; i < runs; i++) {
    const start = nowNs()
    index = new FacilityIndex(points)
    times.push(msSince(start))
  }
  const sorted = [...times].sort((a, b) => a - b)
  return { index: index as FacilityIndex<NationalPoint>, build: { coldMs: times[0] as number, medianMs: percentile(sorted, 50), runs } }
}

function sameAnswer(a: readonly NearestHit<NationalPoint>[], b: readonly NearestHit<NationalPoint>[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as NearestHit<NationalPoint>
    const y = b[i] as NearestHit<NationalPoint>
    if (x.item.id !== y.item.id || x.distanceKm !== y.distanceKm) return false
  }
  return true
}

export interface ScenarioFigures {
  scenario: Scenario
  index: Summary
  /** Index timings of just the scanned queries, for a like-for-like median. */
  indexOnScanned: Summary
  scan: Summary
  /** scan p50 / index p50 over the same scanned queries. */
  ratioP50: number
  mismatches: number
  meanHits: number
  fullAnswers: number
}

export function runScenario(
  index: FacilityIndex<NationalPoint>,
  points: readonly NationalPoint[],
  queries: readonly { lat: number; lng: number }[],
  options: BenchOptions,
  scenario: Scenario,
): ScenarioFigures {
  const build = (q: { lat: number; lng: number }): NearestQuery => ({
    lat: q.lat,
    lng: q.lng,
    radiusKm: options.radiusKm,
    limit: options.k,
    ...(scenario.types ? { types: scenario.types } : {}),
    ...(scenario.openAt ? { openAt: scenario.openAt } : {}),
  })
  // Warm-up (not measured): let the JIT compile the hot paths.
  for (let i = 0; i < options.warmup; i++) index.nearest(build(queries[i % queries.length] as { lat: number; lng: number }))
  for (let i = 0; i < 3; i++) linearNearest(points, build(queries[i] as { lat: number; lng: number }))

  const indexTimes: number[] = new Array(queries.length)
  const answers: NearestHit<NationalPoint>[][] = new Array(queries.length)
  let hits = 0
  let full = 0
  for (let i = 0; i < queries.length; i++) {
    const q = build(queries[i] as { lat: number; lng: number })
    const start = nowNs()
    const result = index.nearest(q)
    indexTimes[i] = msSince(start)
    answers[i] = result
    hits += result.length
    if (result.length === options.k) full++
  }

  // The scan answers an evenly spaced subset of the same queries.
  const step = Math.max(1, Math.floor(queries.length / Math.max(1, options.scanned)))
  const scanTimes: number[] = []
  const indexOnScanned: number[] = []
  let mismatches = 0
  for (let i = 0, n = 0; i < queries.length && n < options.scanned; i += step, n++) {
    const q = build(queries[i] as { lat: number; lng: number })
    const start = nowNs()
    const expected = linearNearest(points, q)
    scanTimes.push(msSince(start))
    indexOnScanned.push(indexTimes[i] as number)
    if (!sameAnswer(answers[i] as NearestHit<NationalPoint>[], expected)) mismatches++
  }
  const indexSummary = summarise(indexTimes)
  const indexScanned = summarise(indexOnScanned)
  const scanSummary = summarise(scanTimes)
  return {
    scenario,
    index: indexSummary,
    indexOnScanned: indexScanned,
    scan: scanSummary,
    ratioP50: scanSummary.p50 / indexScanned.p50,
    mismatches,
    meanHits: hits / queries.length,
    fullAnswers: full,
  }
}

export interface NearbyBenchFigures {
  options: BenchOptions
  generateMs: number
  build: BuildFigures
  scenarios: ScenarioFigures[]
}

export function runNearbyBench(partial: Partial<BenchOptions> = {}): NearbyBenchFigures {
  const options = { ...DEFAULT_OPTIONS, ...partial }
  const { points, generateMs } = makeDataset(options)
  const { index, build } = measureBuild(points)
  const queries = makeQueries(points, options.queries, options.seed)
  const scenarios = SCENARIOS.map((scenario) => runScenario(index, points, queries, options, scenario))
  return { options, generateMs, build, scenarios }
}

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`)

function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)))
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')).join('\n')
}

export function formatReport(f: NearbyBenchFigures): string {
  const { options } = f
  const lines: string[] = []
  lines.push(`Nearby search: ${options.points.toLocaleString('en')} generated national-scale facilities (seed ${options.seed}), k = ${options.k} within ${options.radiusKm} km`)
  lines.push(`Node ${process.version}; ${options.queries.toLocaleString('en')} seeded queries (90 % near facilities, 10 % anywhere), ${options.warmup} warm-up queries not counted;`)
  lines.push(`the linear scan answers ${options.scanned} evenly spaced queries of the same set, and every one of them is compared with the index's answer.`)
  lines.push('')
  lines.push(`data generation   ${fmt(f.generateMs)}`)
  lines.push(`index build       ${fmt(f.build.coldMs)} (first), ${fmt(f.build.medianMs)} (median of ${f.build.runs})   goal ≤ 1 s: ${f.build.coldMs <= 1000 ? 'met' : 'NOT met'}`)
  lines.push('')
  const rows: string[][] = [['scenario', 'method', 'queries', 'p50', 'p90', 'p99', 'max', 'mean hits']]
  for (const s of f.scenarios) {
    rows.push([s.scenario.name, 'index (kdbush+geokdbush)', String(s.index.count), fmt(s.index.p50), fmt(s.index.p90), fmt(s.index.p99), fmt(s.index.max), s.meanHits.toFixed(1)])
    rows.push(['', 'index, scanned subset', String(s.indexOnScanned.count), fmt(s.indexOnScanned.p50), fmt(s.indexOnScanned.p90), fmt(s.indexOnScanned.p99), fmt(s.indexOnScanned.max), ''])
    rows.push(['', 'linear scan', String(s.scan.count), fmt(s.scan.p50), fmt(s.scan.p90), fmt(s.scan.p99), fmt(s.scan.max), ''])
  }
  lines.push(table(rows))
  lines.push('')
  const goals: string[][] = [['scenario', 'p99 ≤ 1 ms', 'scan/index (p50, same queries) ≥ 100×', 'mismatches (of scanned)', 'full k answers']]
  for (const s of f.scenarios) {
    goals.push([
      s.scenario.name,
      `${fmt(s.index.p99)} ${s.index.p99 <= 1 ? 'met' : 'NOT met'}`,
      `${s.ratioP50.toFixed(0)}× ${s.ratioP50 >= 100 ? 'met' : 'NOT met'}`,
      `${s.mismatches} of ${s.scan.count} ${s.mismatches === 0 ? 'met' : 'NOT met'}`,
      `${s.fullAnswers} of ${s.index.count}`,
    ])
  }
  lines.push(table(goals))
  return lines.join('\n') + '\n'
}
