/**
 * `GET /api/v1/facilities/nearby` throughput and latency through the real app (security headers,
 * CORS, request ids, logging at info into a discarding stream, zod query validation, the in-memory
 * index built from an embedded PGlite seeded with the Shanxi sample set, response validation)
 * against a bare Fastify GET route answering a constant nearby response of the same shape, in the
 * same run, on seeded random queries around Shanxi's county seats. Rounds alternate between the two
 * servers, so a busy machine slows them alike. Client and servers share this process.
 *
 *   npx tsx bench/nearby/http.ts [--requests=6000] [--concurrency=16] [--rounds=6] [--warmup=500]
 *                                [--queries=1000] [--transport=http|inject] [--json]
 */
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import Fastify, { type FastifyInstance } from 'fastify'
import { FACILITY_TYPES, type FacilityType, NearbyQuery, SHANXI_COUNTIES, buildFacilityIndex, searchNearby } from '../../src/domain/care'
import { createRandom } from '../../server/facilities/random'
import { generateShanxiSample } from '../../server/facilities/sample'
import { API_PREFIX, buildApp } from '../../server/app'
import { migrate, openPglite, type Db } from '../../server/db'
import { loadEnv } from '../../server/env'
import { seedSampleFacilitiesIfEmpty } from '../../server/facilities/seed'
import { combine, runLoad, serve, type LoadFigures, type LoadRun, type Server, type Transport } from '../lib/load'

const ROUTE = `${API_PREFIX}/facilities/nearby`
/** Monday 2 March 2026, 12:00 in Shanghai: the app's clock during the run, so answers can be checked. */
const NOW = new Date('2026-03-02T04:00:00Z')

export type { Transport } from '../lib/load'

export interface HttpBenchOptions {
  /** Measured requests per server (warm-up excluded). */
  requests: number
  /** Requests in flight at once, per server. */
  concurrency: number
  rounds: number
  /** Unmeasured requests per server before the first round. */
  warmup: number
  /** Distinct query strings, cycled through. */
  queries: number
  transport: Transport
  seed: number
}

export const DEFAULT_HTTP_OPTIONS: HttpBenchOptions = {
  requests: 6_000,
  concurrency: 16,
  rounds: 6,
  warmup: 500,
  queries: 1_000,
  transport: 'http',
  seed: 20250630,
}

export interface HttpFigures {
  options: HttpBenchOptions
  facilities: number
  seedMs: number
  indexMs: number
  nearby: LoadFigures
  bare: LoadFigures
  /** Bare requests per second ÷ nearby requests per second. */
  throughputRatio: number
  /** Nearby p50 ÷ bare p50. */
  p50Ratio: number
  /** Queries checked, before measuring, to get the same answer over HTTP as from `searchNearby`. */
  checked: number
  meanItems: number
}

/** Seeded query strings where people search: within about 5 km of a county seat, with the app's usual filters. */
export function makeQueryStrings(count: number, seed: number): URLSearchParams[] {
  const rng = createRandom(seed ^ 0x2f6b)
  const typeChoices: readonly (readonly FacilityType[])[] = [FACILITY_TYPES, FACILITY_TYPES, ['canteen'], ['canteen'], ['daycare', 'institution'], ['institution']]
  const out: URLSearchParams[] = []
  for (let i = 0; i < count; i++) {
    const county = SHANXI_COUNTIES[rng.int(0, SHANXI_COUNTIES.length - 1)] as (typeof SHANXI_COUNTIES)[number]
    const params = new URLSearchParams({
      lat: (county.centre.lat + rng.gaussian(0, 0.03)).toFixed(6),
      lng: (county.centre.lng + rng.gaussian(0, 0.04)).toFixed(6),
      radiusKm: String(rng.pick([3, 5, 5, 10])),
      limit: '20',
    })
    const types = rng.pick(typeChoices)
    if (types.length < FACILITY_TYPES.length) params.set('types', types.join(','))
    if (rng.chance(0.2)) params.set('openAt', rng.pick(['2026-03-02T12:00:00+08:00', '2026-03-02T08:30:00+08:00', '2026-03-07T18:00:00+08:00']))
    out.push(params)
  }
  return out
}

/** The real app as `npm run serve` builds it, on an in-memory PGlite seeded as a first start seeds it. */
async function nearbyServer(options: HttpBenchOptions): Promise<{ server: Server; facilities: number; seedMs: number; indexMs: number }> {
  const db: Db = await openPglite()
  await migrate(db)
  const seeding = performance.now()
  await seedSampleFacilitiesIfEmpty(db, NOW)
  const seedMs = performance.now() - seeding
  const env = loadEnv({ NODE_ENV: 'development', LOG_LEVEL: 'info', H5_DIST: path.join(os.tmpdir(), 'jinxin-bench-no-h5') })
  const app = await buildApp({ env, db, clock: () => NOW, logStream: { write: () => undefined } })
  const loading = performance.now()
  const server = await serve(app, options.transport, options.concurrency, () => db.close())
  return { server, facilities: app.facilities.index?.size ?? 0, seedMs, indexMs: performance.now() - loading }
}

/** Fastify with its defaults and one GET route answering a constant of the same shape. */
async function bareServer(options: HttpBenchOptions, reply: unknown): Promise<Server> {
  const app = Fastify()
  app.get(ROUTE, async () => reply)
  return serve(app, options.transport, options.concurrency)
}

/** Some queries through the app and through `searchNearby` on the generated set: a benchmark of wrong answers is worthless. */
async function checkSameAnswers(app: FastifyInstance, queries: readonly URLSearchParams[]): Promise<{ checked: number; meanItems: number }> {
  const index = buildFacilityIndex(generateShanxiSample())
  const sample = queries.slice(0, 100)
  let items = 0
  for (const params of sample) {
    const response = await app.inject({ method: 'GET', url: `${ROUTE}?${params.toString()}` })
    const expected: unknown = JSON.parse(JSON.stringify(searchNearby(index, NearbyQuery.parse(Object.fromEntries(params)), NOW)))
    const body: unknown = JSON.parse(response.body)
    if (response.statusCode !== 200 || !isDeepStrictEqual(body, expected)) {
      throw new Error(`the server's answer to ${params.toString()} differs from searchNearby() (status ${response.statusCode})`)
    }
    items += (body as { items: unknown[] }).items.length
  }
  return { checked: sample.length, meanItems: items / sample.length }
}

export async function measureHttp(partial: Partial<HttpBenchOptions> = {}): Promise<HttpFigures> {
  const options = { ...DEFAULT_HTTP_OPTIONS, ...partial }
  const queries = makeQueryStrings(options.queries, options.seed)
  const requests = queries.map((params) => ({ method: 'GET' as const, path: `${ROUTE}?${params.toString()}` }))
  const { server: nearby, facilities, seedMs, indexMs } = await nearbyServer(options)
  const constant: unknown = JSON.parse((await nearby.app.inject({ method: 'GET', url: requests[0].path })).body)
  const bare = await bareServer(options, constant)
  try {
    const { checked, meanItems } = await checkSameAnswers(nearby.app, queries)
    await runLoad(nearby.send, requests, options.warmup, options.concurrency)
    await runLoad(bare.send, requests, options.warmup, options.concurrency)

    const runs: { nearby: LoadRun[]; bare: LoadRun[] } = { nearby: [], bare: [] }
    const perRound = Math.ceil(options.requests / options.rounds)
    for (let round = 0, sent = 0; sent < options.requests; round += 1, sent += perRound) {
      const count = Math.min(perRound, options.requests - sent)
      const order = round % 2 === 0 ? (['bare', 'nearby'] as const) : (['nearby', 'bare'] as const)
      for (const which of order) {
        const server = which === 'bare' ? bare : nearby
        runs[which].push(await runLoad(server.send, requests, count, options.concurrency, sent))
      }
    }
    const nearbyFigures = combine(runs.nearby)
    const bareFigures = combine(runs.bare)
    return {
      options,
      facilities,
      seedMs,
      indexMs,
      nearby: nearbyFigures,
      bare: bareFigures,
      throughputRatio: bareFigures.requestsPerSecond / nearbyFigures.requestsPerSecond,
      p50Ratio: nearbyFigures.p50Ms / bareFigures.p50Ms,
      checked,
      meanItems,
    }
  } finally {
    await nearby.close()
    await bare.close()
  }
}

export function reportHttp(figures: HttpFigures): string {
  const { options } = figures
  const how = options.transport === 'http' ? `HTTP keep-alive on 127.0.0.1, ${options.concurrency} in flight` : `app.inject, ${options.concurrency} in flight`
  const line = (label: string, f: LoadFigures) =>
    `  ${label.padEnd(38)}${Math.round(f.requestsPerSecond).toLocaleString('en').padStart(7)} req/s   p50 ${f.p50Ms.toFixed(2)} ms   p99 ${f.p99Ms.toFixed(2)} ms   errors ${f.errors}`
  return [
    `nearby over HTTP: ${figures.nearby.requests.toLocaleString('en')} requests to each server, ${how}, ${options.queries.toLocaleString('en')} seeded queries near county seats (k = 20, 3–10 km, 20 % with openAt), ${options.rounds} alternating rounds after ${options.warmup} warm-up each`,
    `  data: ${figures.facilities.toLocaleString('en')} sample facilities seeded into in-memory PGlite in ${Math.round(figures.seedMs)} ms; index loaded from it in ${Math.round(figures.indexMs)} ms`,
    line(`GET ${ROUTE} (the app):`, figures.nearby),
    line('bare Fastify route, constant reply:', figures.bare),
    `  ratio bare / app throughput:          ${figures.throughputRatio.toFixed(2)}×   (p50 latency app / bare ${figures.p50Ratio.toFixed(2)}×)`,
    `  checked before measuring:             ${figures.checked} queries answered exactly as searchNearby() answers them (${figures.meanItems.toFixed(1)} items on average)`,
  ].join('\n')
}

export function parseHttpArgs(argv: readonly string[]): { options: Partial<HttpBenchOptions>; json: boolean; rest: string[] } {
  const options: Partial<HttpBenchOptions> = {}
  const rest: string[] = []
  let json = false
  for (const arg of argv) {
    const number = /^--(requests|concurrency|rounds|warmup|queries|seed)=(\d+)$/.exec(arg)
    const transport = /^--transport=(http|inject)$/.exec(arg)
    if (number) options[number[1] as 'requests' | 'concurrency' | 'rounds' | 'warmup' | 'queries' | 'seed'] = Number(number[2])
    else if (transport) options.transport = transport[1] as Transport
    else if (arg === '--json') json = true
    else rest.push(arg)
  }
  return { options, json, rest }
}

async function main(): Promise<void> {
  const { options, json, rest } = parseHttpArgs(process.argv.slice(2))
  if (rest.length > 0) throw new Error(`unknown arguments ${rest.join(' ')}; known: --requests= --concurrency= --rounds= --warmup= --queries= --seed= --transport=http|inject --json`)
  const figures = await measureHttp(options)
  process.stdout.write(json ? `${JSON.stringify(figures, null, 2)}\n` : `${reportHttp(figures)}\n`)
  if (figures.nearby.errors + figures.bare.errors > 0) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
