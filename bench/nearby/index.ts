/**
 * Nearby-search benchmark: `npx tsx bench/nearby/index.ts [--points=400000] [--queries=10000]
 * [--scanned=200] [--seed=20250630] [--json]`. Prints a table (or JSON) of the index build time,
 * query latency percentiles, the linear scan on the same queries, the ratio and mismatches.
 */
import { pathToFileURL } from 'node:url'
import { type BenchOptions, DEFAULT_OPTIONS, formatReport, runNearbyBench } from './lib'

export * from './lib'

function parseArgs(argv: readonly string[]): { options: Partial<BenchOptions>; json: boolean } {
  const options: Partial<BenchOptions> = {}
  let json = false
  for (const arg of argv) {
    if (arg === '--json') {
      json = true
      continue
    }
    const m = /^--(points|queries|scanned|seed|k|radiusKm|warmup)=(\d+(\.\d+)?)$/.exec(arg)
    if (!m) throw new Error(`unknown argument ${arg}; known: ${Object.keys(DEFAULT_OPTIONS).map((k) => `--${k}=`).join(' ')} --json`)
    options[m[1] as keyof BenchOptions] = Number(m[2])
  }
  return { options, json }
}

function main(): void {
  const { options, json } = parseArgs(process.argv.slice(2))
  const figures = runNearbyBench(options)
  process.stdout.write(json ? `${JSON.stringify(figures, null, 2)}\n` : formatReport(figures))
  const failed = figures.scenarios.some((s) => s.mismatches > 0)
  if (failed) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
