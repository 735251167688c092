/**
 * bench/submit's two-instance run (PostgreSQL only): the same closed-loop submissions against one server
 * process, then against two processes on the same schema (and the same Redis when REDIS_URL is set), the
 * requests dealt round-robin between them as a load balancer would. Both figures come from the same run,
 * on the same machine: with 2 cores shared by the load generator, the servers and PostgreSQL, the second
 * instance shows what it costs and what it buys here, not what a second machine would.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { migrate, openPostgres } from '../../server/db'
import { LOAD_GENERATOR, application, json, multipartJpeg, percentile, request, type BenchOptions, type Figures, type Planned } from './index'

export interface InstanceFigures {
  instances: number
  submit: Figures
}

interface Child {
  port: number
  process: ChildProcess
}

function startInstance(env: NodeJS.ProcessEnv): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server.ts')], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      text += chunk
      const line = /\{"port":(\d+)\}/.exec(text)
      if (line) resolve({ port: Number(line[1]), process: child })
    })
    child.once('exit', (code) => reject(new Error(`a bench server exited (${code}) before it started`)))
  })
}

interface LoadResult {
  latencies: number[]
  statuses: number[]
  seconds: number
  error?: string
}

/** One worker per instance, each with its share of the clients and every other request: round-robin. */
async function roundRobin(workload: string, ports: readonly number[], concurrency: number, expected: number, requests: readonly Planned[]): Promise<Figures> {
  const started = process.hrtime.bigint()
  const results = await Promise.all(
    ports.map(
      (port, i) =>
        new Promise<LoadResult>((resolve, reject) => {
          const share = requests.filter((_, index) => index % ports.length === i)
          const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { port, mode: 'closed', concurrency: Math.ceil(concurrency / ports.length), requests: share } })
          worker.once('message', (message: LoadResult) => {
            void worker.terminate()
            resolve(message)
          })
          worker.once('error', reject)
        }),
    ),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const failed = results.find((result) => result.error)
  if (failed) throw new Error(failed.error)
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b)
  return {
    workload,
    requests: requests.length,
    perSecond: requests.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    errors: results.flatMap((result) => result.statuses).filter((status) => status !== expected).length,
  }
}

export async function runInstances(options: BenchOptions): Promise<InstanceFigures[]> {
  const url = process.env.DATABASE_URL ?? ''
  const schema = `bench_instances_${process.pid}_${randomBytes(3).toString('hex')}`
  const db = await openPostgres({ url, schema })
  await migrate(db)
  const withSchema = new URL(url)
  withSchema.searchParams.set('options', `-c search_path=${schema}`)
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' as const, LOG_LEVEL: 'info', DATABASE_URL: withSchema.toString(), REDIS_PREFIX: `bench:${schema}:` }
  const children: Child[] = []
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency })
  try {
    children.push(...(await Promise.all([startInstance(env), startInstance(env)])))
    const ports = children.map((child) => child.port)
    const jpeg = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'uploads', 'id-card.jpg'))
    // Residents signed in and their ID card photo uploaded on the first instance: the second reads both from the database.
    const residents = await Promise.all(
      Array.from({ length: options.concurrency }, async (_, worker) => {
        const session = await request(agent, ports[0], 'POST', '/api/v1/auth/wechat', { 'content-type': 'application/json' }, json({ code: `bench-${worker}` }))
        const authorization = `Bearer ${(JSON.parse(session.body) as { token: string }).token}`
        const photo = multipartJpeg(jpeg)
        const uploaded = await request(agent, ports[0], 'POST', '/api/v1/uploads', { authorization, 'content-type': photo.contentType }, photo.body)
        if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${uploaded.body}`)
        return { authorization, uploadId: (JSON.parse(uploaded.body) as { uploadId: string }).uploadId }
      }),
    )
    let next = 0
    const submissions = (count: number): Planned[] =>
      Array.from({ length: count }, (_, i) => {
        const resident = residents[i % residents.length]
        next += 1
        return {
          method: 'POST',
          path: '/api/v1/applications',
          headers: { authorization: resident.authorization, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(application(next, resident.uploadId)),
        }
      })
    const warmup = Math.min(200, options.count)
    await roundRobin('warm-up', ports, options.concurrency, 201, submissions(warmup))
    const one = await roundRobin('POST /applications, 1 instance', ports.slice(0, 1), options.concurrency, 201, submissions(options.count))
    const two = await roundRobin('POST /applications, 2 round-robin', ports, options.concurrency, 201, submissions(options.count))
    return [
      { instances: 1, submit: one },
      { instances: 2, submit: two },
    ]
  } finally {
    agent.destroy()
    await Promise.all(children.map((child) => new Promise((resolve) => child.process.once('exit', resolve).kill('SIGTERM'))))
    await db.close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.end()
  }
}

export function formatInstances(options: BenchOptions, figures: readonly InstanceFigures[]): string {
  const n = (value: number, digits = 1) => value.toFixed(digits).padStart(8)
  const lines = [
    '',
    `Several instances: server processes on one PostgreSQL schema${process.env.REDIS_URL ? ' and one Redis' : ''}, ${options.count} submissions, ${options.concurrency} concurrent residents`,
    `${'instances'.padEnd(9)} ${'workload'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'errors'.padStart(7)}`,
  ]
  for (const { instances, submit } of figures) {
    lines.push(`${String(instances).padEnd(9)} ${submit.workload.padEnd(32)} ${n(submit.perSecond, 0)} ${n(submit.p50)} ${n(submit.p95)} ${n(submit.p99)} ${n(submit.max)} ${String(submit.errors).padStart(7)}`)
  }
  const [one, two] = figures
  if (one && two) lines.push(`${''.padEnd(9)} ratio 2 instances / 1: ${(two.submit.perSecond / one.submit.perSecond).toFixed(2)}× the throughput, p99 ${(two.submit.p99 / one.submit.p99).toFixed(2)}×`)
  return `${lines.join('\n')}\n`
}
