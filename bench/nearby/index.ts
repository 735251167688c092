/**
 * Nearby-search benchmark: `npx tsx bench/nearby/index.ts [--points=400000] [--queries=10000]
 * [--scanned=10000] [--seed=20250630] [--json] [--no-http] [--http-requests=6000]
 * [--http-concurrency=16] [--http-rounds=6] [--http-transport=http|inject]`.
 * First the index on a national-scale set: build time, query latency percentiles, the linear scan
 * on the same queries, the ratio and mismatches (`./lib`). Then the endpoint,
 * `GET /api/v1/facilities/nearby`, against a bare Fastify route in the same run (`./http`).
 * Prints a table (or JSON: the index figures, with the endpoint's under `http`).
 */
import { pathToFileURL } from 'node:url'
import { type HttpBenchOptions, type HttpFigures, measureHttp, reportHttp } from './http'
import { type BenchOptions, DEFAULT_OPTIONS, formatReport, runNearbyBench } from './lib'

export * from './lib'

interface Args {
  options: Partial<BenchOptions>
  http: Partial<HttpBenchOptions> | undefined
  json: boolean
}

function parseArgs(argv: readonly string[]): Args {
  const options: Partial<BenchOptions> = {}
  let http: Partial<HttpBenchOptions> | undefined = {}
  let json = false
  for (const arg of argv) {
    if (arg === '--json') {
      json = true
      continue
    }
    if (arg === '--no-http') {
      http = undefined
      continue
    }
    const httpNumber = /^--http-(requests|concurrency|rounds|warmup)=(\d+)$/.exec(arg)
    if (httpNumber) {
      if (http) http[httpNumber[1] as 'requests' | 'concurrency' | 'rounds' | 'warmup'] = Number(httpNumber[2])
      continue
    }
    const transport = /^--http-transport=(http|inject)$/.exec(arg)
    if (transport) {
      if (http) http.transport = transport[1] as HttpBenchOptions['transport']
      continue
    }
    const m = /^--(points|queries|scanned|seed|k|radiusKm|warmup)=(\d+(\.\d+)?)$/.exec(arg)
    if (!m) {
      const known = [...Object.keys(DEFAULT_OPTIONS).map((k) => `--${k}=`), '--json', '--no-http', '--http-requests=', '--http-concurrency=', '--http-rounds=', '--http-warmup=', '--http-transport=http|inject']
      throw new Error(`unknown argument ${arg}; known: ${known.join(' ')}`)
    }
    options[m[1] as keyof BenchOptions] = Number(m[2])
  }
  return { options, http, json }
}

async function main(): Promise<void> {
  const { options, http, json } = parseArgs(process.argv.slice(2))
  const figures = runNearbyBench(options)
  if (!json) process.stdout.write(formatReport(figures))
  let httpFigures: HttpFigures | undefined
  if (http) {
    httpFigures = await measureHttp(http)
    if (!json) process.stdout.write(`\n${reportHttp(httpFigures)}\n`)
  }
  if (json) process.stdout.write(`${JSON.stringify(httpFigures ? { ...figures, http: httpFigures } : figures, null, 2)}\n`)
  const failed = figures.scenarios.some((s) => s.mismatches > 0) || (httpFigures !== undefined && httpFigures.nearby.errors + httpFigures.bare.errors > 0)
  if (failed) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
