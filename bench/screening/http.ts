/**
 * `POST /api/v1/screening` throughput and latency through the real app (security headers, CORS,
 * request ids, logging at info into a discarding stream, the route's rate-limit hook at a limit it
 * never reaches, zod validation, all 13 rules, response validation) against a bare Fastify route
 * that parses the same JSON bodies and answers a constant screening response of the same shape,
 * in the same run, on seeded random households. Rounds alternate between the two servers, so a
 * busy machine slows them alike. Client and servers share this process.
 *
 *   npx tsx bench/screening/http.ts [--requests=5000] [--concurrency=16] [--households=1000]
 *                                   [--rounds=5] [--warmup=500] [--transport=http|inject] [--json]
 */
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import Fastify, { type FastifyInstance } from 'fastify'
import { screen, todayInShanghai, type ScreeningRequest } from '../../src/domain/screening'
import { API_PREFIX, buildApp } from '../../server/app'
import { openPglite, type Db } from '../../server/db'
import { loadEnv } from '../../server/env'
import { screeningRoutesWith } from '../../server/routes/screening'
import { randomHouseholds } from './households'
import { combine, runLoad, serve, type LoadFigures, type LoadRun, type Server, type Transport } from '../lib/load'

const ROUTE = `${API_PREFIX}/screening`

export interface HttpBenchOptions {
  /** Measured requests per server (warm-up excluded). */
  requests: number
  /** Requests in flight at once, per server. */
  concurrency: number
  /** Distinct households, cycled through. */
  households: number
  rounds: number
  /** Unmeasured requests per server before the first round. */
  warmup: number
  transport: Transport
}

export const DEFAULT_HTTP_OPTIONS: HttpBenchOptions = {
  requests: 5_000,
  concurrency: 16,
  households: 1_000,
  rounds: 5,
  warmup: 500,
  transport: 'http',
}

export interface HttpFigures {
  options: HttpBenchOptions
  screening: LoadFigures
  bare: LoadFigures
  /** Bare requests per second ÷ screening requests per second. */
  throughputRatio: number
  /** Screening p50 ÷ bare p50. */
  p50Ratio: number
  /** Households checked, before measuring, to get the same answer over HTTP as from `screen()`. */
  checked: number
}

/** The real app as `npm run serve` builds it, with only the screener's routes (it needs no tables). */
async function screeningServer(options: HttpBenchOptions): Promise<Server> {
  const db: Db = await openPglite()
  const env = loadEnv({ NODE_ENV: 'development', LOG_LEVEL: 'info', H5_DIST: path.join(os.tmpdir(), 'jinxin-bench-no-h5') })
  const app = await buildApp({
    env,
    db,
    logStream: { write: () => undefined },
    routes: [screeningRoutesWith({ rateLimit: { max: Number.MAX_SAFE_INTEGER, timeWindow: '1 minute' } })],
  })
  return serve(app, options.transport, options.concurrency, () => db.close())
}

/** Fastify with its defaults and one route: parse the JSON body, answer a constant of the same shape. */
async function bareServer(options: HttpBenchOptions, reply: unknown): Promise<Server> {
  const app = Fastify()
  app.post(ROUTE, async () => reply)
  return serve(app, options.transport, options.concurrency)
}

/** Some households through the app and through `screen()`: a benchmark of wrong answers is worthless. */
async function checkSameAnswers(app: FastifyInstance, households: readonly ScreeningRequest[]): Promise<number> {
  const today = todayInShanghai()
  const sample = households.slice(0, 50)
  for (const household of sample) {
    const response = await app.inject({ method: 'POST', url: ROUTE, payload: household })
    const expected: unknown = JSON.parse(JSON.stringify(screen(household, today)))
    if (response.statusCode !== 200 || !isDeepStrictEqual(JSON.parse(response.body), expected)) {
      throw new Error(`the server's answer differs from screen() (status ${response.statusCode})`)
    }
  }
  return sample.length
}

export async function measureHttp(partial: Partial<HttpBenchOptions> = {}): Promise<HttpFigures> {
  const options = { ...DEFAULT_HTTP_OPTIONS, ...partial }
  const households = randomHouseholds(options.households)
  const requests = households.map((household) => ({ method: 'POST' as const, path: ROUTE, body: Buffer.from(JSON.stringify(household)) }))
  const screening = await screeningServer(options)
  const bare = await bareServer(options, screen(households[0], todayInShanghai()))
  try {
    const checked = await checkSameAnswers(screening.app, households)
    await runLoad(screening.send, requests, options.warmup, options.concurrency)
    await runLoad(bare.send, requests, options.warmup, options.concurrency)

    const runs: { screening: LoadRun[]; bare: LoadRun[] } = { screening: [], bare: [] }
    const perRound = Math.ceil(options.requests / options.rounds)
    for (let round = 0, sent = 0; sent < options.requests; round += 1, sent += perRound) {
      const count = Math.min(perRound, options.requests - sent)
      const order = round % 2 === 0 ? (['bare', 'screening'] as const) : (['screening', 'bare'] as const)
      for (const which of order) {
        const server = which === 'bare' ? bare : screening
        runs[which].push(await runLoad(server.send, requests, count, options.concurrency, sent))
      }
    }
    const screeningFigures = combine(runs.screening)
    const bareFigures = combine(runs.bare)
    return {
      options,
      screening: screeningFigures,
      bare: bareFigures,
      throughputRatio: bareFigures.requestsPerSecond / screeningFigures.requestsPerSecond,
      p50Ratio: screeningFigures.p50Ms / bareFigures.p50Ms,
      checked,
    }
  } finally {
    await screening.close()
    await bare.close()
  }
}

export function reportHttp(figures: HttpFigures): string {
  const { options } = figures
  const how = options.transport === 'http' ? `HTTP keep-alive on 127.0.0.1, ${options.concurrency} in flight` : `app.inject, ${options.concurrency} in flight`
  const line = (label: string, f: LoadFigures) =>
    `  ${label.padEnd(36)}${Math.round(f.requestsPerSecond).toLocaleString('en').padStart(7)} req/s   p50 ${f.p50Ms.toFixed(2)} ms   p99 ${f.p99Ms.toFixed(2)} ms   errors ${f.errors}`
  return [
    `screening over HTTP: ${figures.screening.requests.toLocaleString('en')} requests to each server, ${how}, ${options.households.toLocaleString('en')} seeded random households, ${options.rounds} alternating rounds after ${options.warmup} warm-up each`,
    line(`POST ${ROUTE} (the app):`, figures.screening),
    line('bare Fastify route, constant reply:', figures.bare),
    `  ratio bare / app throughput:        ${figures.throughputRatio.toFixed(2)}×   (p50 latency app / bare ${figures.p50Ratio.toFixed(2)}×)`,
    `  checked before measuring:           ${figures.checked} households answered exactly as screen() answers them`,
  ].join('\n')
}

export function parseHttpArgs(argv: readonly string[]): { options: Partial<HttpBenchOptions>; json: boolean; rest: string[] } {
  const options: Partial<HttpBenchOptions> = {}
  const rest: string[] = []
  let json = false
  for (const arg of argv) {
    const number = /^--(requests|concurrency|households|rounds|warmup)=(\d+)$/.exec(arg)
    const transport = /^--transport=(http|inject)$/.exec(arg)
    if (number) options[number[1] as 'requests' | 'concurrency' | 'households' | 'rounds' | 'warmup'] = Number(number[2])
    else if (transport) options.transport = transport[1] as Transport
    else if (arg === '--json') json = true
    else rest.push(arg)
  }
  return { options, json, rest }
}

async function main(): Promise<void> {
  const { options, json, rest } = parseHttpArgs(process.argv.slice(2))
  if (rest.length > 0) throw new Error(`unknown arguments ${rest.join(' ')}; known: --requests= --concurrency= --households= --rounds= --warmup= --transport=http|inject --json`)
  const figures = await measureHttp(options)
  process.stdout.write(json ? `${JSON.stringify(figures, null, 2)}\n` : `${reportHttp(figures)}\n`)
  if (figures.screening.errors + figures.bare.errors > 0) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
