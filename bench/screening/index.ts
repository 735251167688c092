/**
 * The screener's benchmarks in one run: households per second through all 13 rules in-process
 * (baseline: the request schema's parse), then `POST /api/v1/screening` against a bare Fastify
 * route (see http.ts).
 *
 *   npx tsx bench/screening/index.ts [--households=20000] [--rounds=7]
 *                                    [--requests=5000] [--concurrency=16] [--transport=http|inject] [--json]
 *
 * `--households` and `--rounds` are the in-process run's; the HTTP run keeps its own defaults for those.
 */
import { pathToFileURL } from 'node:url'
import { measureHttp, parseHttpArgs, reportHttp } from './http'
import { measureInProcess, report } from './inprocess'

function parseArgs(argv: readonly string[]) {
  const inProcess: { households?: number; rounds?: number } = {}
  const forHttp: string[] = []
  for (const arg of argv) {
    const m = /^--(households|rounds)=(\d+)$/.exec(arg)
    if (m) inProcess[m[1] as 'households' | 'rounds'] = Number(m[2])
    else forHttp.push(arg)
  }
  const { options, json, rest } = parseHttpArgs(forHttp)
  if (rest.length > 0) throw new Error(`unknown arguments ${rest.join(' ')}; known: --households= --rounds= --requests= --concurrency= --warmup= --transport=http|inject --json`)
  return { inProcess, http: options, json }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const inProcess = measureInProcess(args.inProcess.households, args.inProcess.rounds)
  if (!args.json) process.stdout.write(`${report(inProcess)}\n\n`)
  const http = await measureHttp(args.http)
  process.stdout.write(args.json ? `${JSON.stringify({ inProcess, http }, null, 2)}\n` : `${reportHttp(http)}\n`)
  if (http.screening.errors + http.bare.errors > 0) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
