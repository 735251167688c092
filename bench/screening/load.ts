/**
 * A small load generator for the HTTP benchmarks: sends pre-encoded JSON bodies with bounded
 * concurrency and a bounded total, over keep-alive HTTP on 127.0.0.1 or through `app.inject`,
 * and reports throughput and latency percentiles.
 */
import http from 'node:http'
import type { FastifyInstance } from 'fastify'

/** Sends one JSON body, resolves with the status code once the whole response has been read. */
export type Send = (body: Buffer) => Promise<number>

export type Transport = 'http' | 'inject'

/** POSTs over one keep-alive agent with at most `sockets` connections, reading each response to its end. */
export function httpSender(base: string, path: string, sockets: number): { send: Send; close(): void } {
  const url = new URL(path, base)
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  const send: Send = (body) =>
    new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (response) => {
          response.on('error', reject)
          response.on('end', () => resolve(response.statusCode ?? 0))
          response.resume()
        },
      )
      request.on('error', reject)
      request.end(body)
    })
  return { send, close: () => agent.destroy() }
}

/** The same requests through Fastify's in-memory `inject`: the server's work without sockets. */
export function injectSender(app: FastifyInstance, path: string): Send {
  return async (body) => {
    const response = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json' }, payload: body })
    return response.statusCode
  }
}

export interface LoadRun {
  /** One per request, in milliseconds, in completion order. */
  latenciesMs: number[]
  /** Answers other than 200, and requests that failed outright. */
  errors: number
  seconds: number
}

/**
 * Sends `total` requests, `concurrency` at a time, cycling through `bodies` from `offset`.
 * Resolves when every request has been answered.
 */
export async function runLoad(send: Send, bodies: readonly Buffer[], total: number, concurrency: number, offset = 0): Promise<LoadRun> {
  const latenciesMs: number[] = []
  let errors = 0
  let next = 0
  const worker = async () => {
    while (next < total) {
      const body = bodies[(offset + next) % bodies.length]
      next += 1
      const start = process.hrtime.bigint()
      try {
        if ((await send(body)) !== 200) errors += 1
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
