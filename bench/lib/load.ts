/**
 * The load generator the HTTP benchmarks share: sends prepared requests with bounded concurrency and a
 * bounded total, over keep-alive HTTP on 127.0.0.1 or through `app.inject`, and reports throughput and
 * latency percentiles.
 */
import http from 'node:http'
import type { FastifyInstance } from 'fastify'

/** One prepared request: a GET of `path`, or a POST of a pre-encoded JSON `body`. */
export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  body?: Buffer
}

/** Sends one request, resolves with the status code once the whole response has been read. */
export type Send = (request: LoadRequest) => Promise<number>

export type Transport = 'http' | 'inject'

export interface Server {
  app: FastifyInstance
  send: Send
  close(): Promise<void>
}

/** Over one keep-alive agent with at most `sockets` connections, reading each response to its end. */
function httpSender(base: string, sockets: number): { send: Send; close(): void } {
  const url = new URL(base)
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  const send: Send = ({ method, path, body }) =>
    new Promise((resolve, reject) => {
      const headers = body ? { 'content-type': 'application/json', 'content-length': body.length } : {}
      const request = http.request({ agent, host: url.hostname, port: url.port, path, method, headers }, (response) => {
        response.on('error', reject)
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.resume()
      })
      request.on('error', reject)
      request.end(body)
    })
  return { send, close: () => agent.destroy() }
}

/** Readies `app` and returns a sender: real sockets, or Fastify's in-memory `inject` (the server's work alone). */
export async function serve(app: FastifyInstance, transport: Transport, sockets: number, onClose: () => Promise<void> = async () => undefined): Promise<Server> {
  await app.ready()
  // As main.ts does: serve once the start-up work (the facility index) is done.
  await app.readiness.becomeReady()
  if (transport === 'inject') {
    return {
      app,
      send: async ({ method, path, body }) =>
        (await app.inject({ method, url: path, headers: body ? { 'content-type': 'application/json' } : {}, payload: body })).statusCode,
      async close() {
        await app.close()
        await onClose()
      },
    }
  }
  const sender = httpSender(await app.listen({ port: 0, host: '127.0.0.1' }), sockets)
  return {
    app,
    send: sender.send,
    async close() {
      sender.close()
      await app.close()
      await onClose()
    },
  }
}

export interface LoadRun {
  /** One per request, in milliseconds, in completion order. */
  latenciesMs: number[]
  /** Answers other than 200, and requests that failed outright. */
  errors: number
  seconds: number
}

/** Sends `total` requests, `concurrency` at a time, cycling through `requests` from `offset`. */
export async function runLoad(send: Send, requests: readonly LoadRequest[], total: number, concurrency: number, offset = 0): Promise<LoadRun> {
  const latenciesMs: number[] = []
  let errors = 0
  let next = 0
  const worker = async () => {
    while (next < total) {
      const request = requests[(offset + next) % requests.length]
      next += 1
      const start = process.hrtime.bigint()
      try {
        if ((await send(request)) !== 200) errors += 1
      } catch {
        errors += 1
      }
      latenciesMs.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
  }
  const start = process.hrtime.bigint()
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker))
  return { latenciesMs, errors, seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export interface LoadFigures {
  requests: number
  errors: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
}

/** Sums several runs (e.g. alternating rounds) into one set of figures. */
export function combine(runs: readonly LoadRun[]): LoadFigures {
  const latencies = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b)
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0)
  return {
    requests: latencies.length,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  }
}
