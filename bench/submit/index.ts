/**
 * Submission benchmark: `npx tsx bench/submit/index.ts [--count=1000] [--concurrency=50] [--rate=100] [--seconds=10] [--db=pglite|postgres] [--json]`.
 *
 * Starts the real server (production logging into a sink, rate limits lifted) on PGlite in a temporary
 * data directory and, when DATABASE_URL is set, on PostgreSQL in a fresh schema that is dropped after.
 * Over HTTP on 127.0.0.1 with keep-alive, `concurrency` signed-in residents each submit their share of
 * `count` applications one after another: distinct Idempotency-Keys and beneficiaries, two benefits,
 * two household members, one uploaded document. Baseline in the same run: GET /api/v1/health (one
 * `SELECT 1`) at the same concurrency and count. Then the goal as a resident feels it: an open loop, where
 * submissions arrive at a steady `rate` per second for `seconds` whatever the server's answers (several
 * times a provincial peak), each latency counted from the moment it was due, so a server that falls
 * behind cannot hide it; checked against p99 ≤ 100 ms, with GET /health at the same rate as its baseline.
 * Every submission must answer 201 and create exactly one application.
 * With PostgreSQL it then runs the closed-loop submissions against one and two server processes (instances.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import type { ApplicationRequestInput } from '../../src/domain/application'
import { idCheckCharacter } from '../../src/domain/identity'
import { buildApp } from '../../server/app'
import { migrate, openPglite, openPostgres, type Db, type DbKind } from '../../server/db'
import { loadEnv } from '../../server/env'
import { formatInstances, runInstances } from './instances'

export const GOAL_P99_MS = 100

export interface BenchOptions {
  count: number
  concurrency: number
  /** Open loop: submissions arriving per second … */
  rate: number
  /** … for this long. */
  seconds: number
}

export const DEFAULT_OPTIONS: BenchOptions = { count: 1000, concurrency: 50, rate: 100, seconds: 10 }

export interface Figures {
  workload: string
  requests: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  max: number
  errors: number
}

export interface DbFigures {
  db: DbKind
  baseline: Figures
  submit: Figures
  /** The same workloads one request at a time: the service time. */
  baselineAlone: Figures
  submitAlone: Figures
  /** Steady arrivals at `rate` per second: the baseline, then submissions. */
  baselineOpen: Figures
  submitOpen: Figures
  applicationsCreated: number
}

/** A valid ID number for the n-th beneficiary: 太原市小店区, born between 1930 and 1959. */
function beneficiaryIdNumber(n: number): string {
  const birth = new Date(Date.UTC(1930, 0, 1) + (n % 10_950) * 86_400_000)
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '')
  const first17 = `140105${ymd}${String(Math.floor(n / 10_950) * 2 + 100).padStart(3, '0')}`
  return first17 + idCheckCharacter(first17)
}

export function application(n: number, uploadId: string): ApplicationRequestInput {
  return {
    applicant: { kind: 'self' },
    beneficiary: {
      name: '王淑芬',
      idNumber: beneficiaryIdNumber(n),
      phone: '13803512468',
      address: { cityCode: '140100', countyCode: '140105', township: '坞城街道', detail: `双塔西街 ${(n % 200) + 1} 号` },
    },
    members: [
      { name: '李建国', relation: 'child', idNumber: '140107198307042510' },
      { name: '李小红', relation: 'grandchild', idNumber: '140105201005090842' },
    ],
    income: { wages: 0, pension: 1150, business: 0, farming: 0, property: 0, support: 0, other: 200 },
    assets: { deposits: 6000, investments: 0, vehicles: 0, otherHomes: 0 },
    benefits: ['dibao', 'high_age_allowance'],
    documents: [{ documentId: 'id_card', uploadIds: [uploadId] }],
    consents: {
      privacyVersion: '2026-01',
      sensitiveInfoVersion: '2026-01',
      economicCheck: [
        { memberIndex: 0, confirmedAt: '2026-03-01T07:55:00.000Z' },
        { memberIndex: 1, confirmedAt: '2026-03-01T07:55:00.000Z' },
      ],
    },
  }
}

interface Answer {
  status: number
  body: string
}

export function request(agent: http.Agent, port: number, method: string, url: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers: body ? { ...headers, 'content-length': String(body.length) } : headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

export const json = (value: unknown) => Buffer.from(JSON.stringify(value))

export function multipartJpeg(bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id-card.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** One request the load generator sends. */
export interface Planned {
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body: string | null
}

/**
 * The load generator, run in a worker thread so that its HTTP client does not share the server's event
 * loop, over keep-alive connections. Closed loop: `concurrency` clients, each sending the next planned
 * request when its previous answer is in. Open loop: one request every 1/`rate` s whatever the answers,
 * each latency counted from the moment the request was due (no coordinated omission).
 */
export const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads')
const http = require('node:http')
const { port, mode, concurrency, rate, requests } = workerData
const agent = new http.Agent({ keepAlive: true, maxSockets: mode === 'open' ? 1024 : concurrency })
function send(planned) {
  return new Promise((resolve) => {
    const headers = planned.body === null ? planned.headers : { ...planned.headers, 'content-length': Buffer.byteLength(planned.body) }
    const req = http.request({ host: '127.0.0.1', port, method: planned.method, path: planned.path, agent, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
      res.on('error', () => resolve(0))
    })
    req.on('error', () => resolve(0))
    req.end(planned.body === null ? undefined : planned.body)
  })
}
const now = () => Number(process.hrtime.bigint()) / 1e6
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
async function closedLoop(latencies, statuses) {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const index = next++
      const t0 = now()
      statuses[index] = await send(requests[index])
      latencies[index] = now() - t0
    }
  }))
}
async function openLoop(latencies, statuses, started) {
  const inFlight = []
  for (let index = 0; index < requests.length; index += 1) {
    const due = started + (index * 1000) / rate
    await sleep(due - now())
    inFlight.push(send(requests[index]).then((status) => {
      statuses[index] = status
      latencies[index] = now() - due
    }))
  }
  await Promise.all(inFlight)
}
async function main() {
  const latencies = new Array(requests.length)
  const statuses = new Array(requests.length)
  const started = now()
  if (mode === 'open') await openLoop(latencies, statuses, started)
  else await closedLoop(latencies, statuses)
  const seconds = (now() - started) / 1000
  agent.destroy()
  parentPort.postMessage({ latencies, statuses, seconds })
}
main().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }))
`

interface LoadResult {
  latencies: number[]
  statuses: number[]
  seconds: number
  error?: string
}

type Arrivals = { mode: 'closed'; concurrency: number } | { mode: 'open'; rate: number }

async function load(workload: string, port: number, arrivals: Arrivals, expected: number, requests: Planned[]): Promise<Figures> {
  const result = await new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { port, concurrency: 1, rate: 1, ...arrivals, requests } })
    worker.once('message', (message: LoadResult) => {
      void worker.terminate()
      resolve(message)
    })
    worker.once('error', reject)
  })
  if (result.error) throw new Error(result.error)
  const latencies = [...result.latencies].sort((a, b) => a - b)
  return {
    workload,
    requests: requests.length,
    perSecond: requests.length / result.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    errors: result.statuses.filter((status) => status !== expected).length,
  }
}

async function openDb(kind: DbKind): Promise<{ db: Db; cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jinxin-bench-submit-'))
    const db = await openPglite({ dataDir })
    return {
      db,
      async cleanup() {
        await db.close()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  const url = process.env.DATABASE_URL ?? ''
  const schema = `bench_submit_${process.pid}_${randomBytes(3).toString('hex')}`
  const db = await openPostgres({ url, schema })
  return {
    db,
    async cleanup() {
      await db.close()
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}

export async function runOne(kind: DbKind, options: BenchOptions): Promise<DbFigures> {
  const { db, cleanup } = await openDb(kind)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jinxin-bench-uploads-'))
  const env = loadEnv({ NODE_ENV: 'development', LOG_LEVEL: 'info', DATA_DIR: dataDir, H5_DIST: path.join(dataDir, 'no-h5') })
  await migrate(db)
  const unlimited = { max: 1_000_000, timeWindow: '1 hour' }
  // Production logging (a line per request and per submission), written into a sink.
  const app = await buildApp({ env, db, logStream: { write: () => undefined }, rateLimits: { signIn: unlimited, submission: unlimited, upload: unlimited } })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const port = (app.server.address() as AddressInfo).port
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency })
  try {
    const jpeg = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'uploads', 'id-card.jpg'))
    // One resident per client, signed in, with one uploaded ID card photo.
    const residents = await Promise.all(
      Array.from({ length: options.concurrency }, async (_, worker) => {
        const session = await request(agent, port, 'POST', '/api/v1/auth/wechat', { 'content-type': 'application/json' }, json({ code: `bench-${worker}` }))
        const authorization = `Bearer ${(JSON.parse(session.body) as { token: string }).token}`
        const photo = multipartJpeg(jpeg)
        const uploaded = await request(agent, port, 'POST', '/api/v1/uploads', { authorization, 'content-type': photo.contentType }, photo.body)
        if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${uploaded.body}`)
        return { authorization, uploadId: (JSON.parse(uploaded.body) as { uploadId: string }).uploadId }
      }),
    )
    const health = (count: number): Planned[] => Array.from({ length: count }, () => ({ method: 'GET', path: '/api/v1/health', headers: {}, body: null }))
    /** Submissions numbered from `first`: each a fresh key and beneficiary, residents in turn. */
    const submissions = (first: number, count: number): Planned[] =>
      Array.from({ length: count }, (_, i) => {
        const resident = residents[i % residents.length]
        return {
          method: 'POST',
          path: '/api/v1/applications',
          headers: { authorization: resident.authorization, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(application(first + i, resident.uploadId)),
        }
      })

    // Warm-up (JIT, connections, caches): not counted, beneficiaries not reused.
    const closed = { mode: 'closed', concurrency: options.concurrency } as const
    const warmup = Math.min(200, options.count)
    await load('warm-up', port, closed, 200, health(warmup))
    await load('warm-up', port, closed, 201, submissions(options.count, warmup))

    const baseline = await load('GET /health (baseline)', port, closed, 200, health(options.count))
    const submitFigures = await load('POST /applications', port, closed, 201, submissions(0, options.count))
    // Service time: the same work one request at a time.
    const single = Math.min(100, options.count)
    const alone = { mode: 'closed', concurrency: 1 } as const
    const baselineAlone = await load('GET /health, 1 at a time', port, alone, 200, health(single))
    const submitAlone = await load('POST /applications, 1 at a time', port, alone, 201, submissions(options.count + warmup, single))
    // The goal: steady arrivals.
    const open = { mode: 'open', rate: options.rate } as const
    const arrivals = Math.round(options.rate * options.seconds)
    const baselineOpen = await load(`GET /health, ${options.rate}/s open`, port, open, 200, health(arrivals))
    const submitOpen = await load(`POST /applications, ${options.rate}/s open`, port, open, 201, submissions(options.count + warmup + single, arrivals))
    const created = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications')
    return { db: kind, baseline, submit: submitFigures, baselineAlone, submitAlone, baselineOpen, submitOpen, applicationsCreated: created.rows[0].n - warmup - single - arrivals }
  } finally {
    agent.destroy()
    await app.close()
    await cleanup()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export function formatReport(options: BenchOptions, results: readonly DbFigures[]): string {
  const n = (value: number, digits = 1) => value.toFixed(digits).padStart(8)
  const lines = [
    `bench/submit: ${options.count} submissions per database, ${options.concurrency} concurrent residents, HTTP keep-alive on 127.0.0.1`,
    `each: 2 benefits, 3 household members (ID numbers sealed), 1 uploaded document, a fresh Idempotency-Key and beneficiary;`,
    `the load generator runs in a worker thread; "1 at a time" is the service time, latency at ${options.concurrency} concurrent ≈ ${options.concurrency} ÷ req/s`,
    '',
    `${'database'.padEnd(9)} ${'workload'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'errors'.padStart(7)}`,
  ]
  for (const result of results) {
    for (const figures of [result.baseline, result.submit, result.baselineAlone, result.submitAlone, result.baselineOpen, result.submitOpen]) {
      lines.push(
        `${result.db.padEnd(9)} ${figures.workload.padEnd(32)} ${n(figures.perSecond, 0)} ${n(figures.p50)} ${n(figures.p95)} ${n(figures.p99)} ${n(figures.max)} ${String(figures.errors).padStart(7)}`,
      )
    }
    const met = result.submitOpen.p99 <= GOAL_P99_MS && result.submitOpen.errors === 0
    lines.push(
      `${''.padEnd(9)} closed loop: submit ${(result.baseline.perSecond / result.submit.perSecond).toFixed(1)}× slower than the baseline, p99 ${(result.submit.p99 / result.baseline.p99).toFixed(1)}×; ` +
        `applications created ${result.applicationsCreated}/${options.count}`,
      `${''.padEnd(9)} open loop at ${options.rate}/s: p99 ${result.submitOpen.p99.toFixed(1)} ms (baseline ${result.baselineOpen.p99.toFixed(1)} ms, ${(result.submitOpen.p99 / result.baselineOpen.p99).toFixed(1)}×); ` +
        `goal p99 ≤ ${GOAL_P99_MS} ms at ${options.rate}/s: ${met ? 'met' : 'NOT met'}`,
    )
  }
  if (!results.some((result) => result.db === 'postgres')) lines.push('', 'PostgreSQL: skipped (set DATABASE_URL=postgres://… to include it)')
  return `${lines.join('\n')}\n`
}

function parseArgs(argv: readonly string[]): { options: BenchOptions; json: boolean; only?: DbKind } {
  const options = { ...DEFAULT_OPTIONS }
  let asJson = false
  let only: DbKind | undefined
  for (const arg of argv) {
    if (arg === '--json') {
      asJson = true
      continue
    }
    const db = /^--db=(pglite|postgres)$/.exec(arg)
    if (db) {
      only = db[1] as DbKind
      continue
    }
    const m = /^--(count|concurrency|rate|seconds)=(\d+)$/.exec(arg)
    if (!m) throw new Error(`unknown argument ${arg}; known: --count=1000 --concurrency=50 --rate=100 --seconds=10 --db=pglite|postgres --json`)
    options[m[1] as keyof BenchOptions] = Number(m[2])
  }
  return { options, json: asJson, only }
}

async function main(): Promise<void> {
  const { options, json: asJson, only } = parseArgs(process.argv.slice(2))
  const available: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
  const kinds = available.filter((kind) => !only || kind === only)
  if (kinds.length === 0) throw new Error('--db=postgres needs DATABASE_URL')
  const results: DbFigures[] = []
  for (const kind of kinds) results.push(await runOne(kind, options))
  // With PostgreSQL: the same submissions through one server process, then two behind a round-robin.
  const instances = kinds.includes('postgres') ? await runInstances(options) : []
  process.stdout.write(asJson ? `${JSON.stringify({ options, results, instances }, null, 2)}\n` : formatReport(options, results) + formatInstances(options, instances))
  const failed =
    results.some(
      (result) => result.submit.errors + result.baseline.errors + result.submitOpen.errors + result.baselineOpen.errors > 0 || result.applicationsCreated !== options.count,
    ) || instances.some((figures) => figures.submit.errors > 0)
  if (failed) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
