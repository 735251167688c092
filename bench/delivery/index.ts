/**
 * Delivery benchmark: the H5 home page as a resident on an old phone and a weak network gets it.
 *
 *   npx tsx bench/delivery/index.ts [--runs=3] [--dist=dist-h5] [--json]
 *
 * Chromium at 390 × 844 with the CPU 4× slower, through the DevTools protocol: a cold load on a fast line,
 * a cold load on a mobile line (150 ms, 1.6 Mbps), a cold load on slow 3G (2 s, 400 kbps) and a repeat visit
 * on slow 3G in the same profile. Each load is made `runs` times; the median is printed. Every load is made
 * from the real server (`app`) and, as the baseline in the same run, from a plain static server handing out
 * the same build uncompressed with `max-age=0` and no service worker (`plain`: how the app was delivered
 * before). Prints bytes transferred (counted at the server, headers included, every request of the visit),
 * requests, LCP and the time until home is usable, the goals, and the ratio app / plain.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { launch } from '../../test/e2e/browser'
import { appServer, plainServer, type DeliveryServer } from './servers'
import { CPU_SLOWDOWN, coldThenRepeat, profiles, type Visit } from './visit'

const root = path.resolve(__dirname, '..', '..')

export const goals = {
  /** First load of home, every request counted. */
  firstLoadKB: 180,
  /** LCP, cold, on the mobile profile. */
  mobileLcpMs: 2500,
  /** Home usable, cold, on slow 3G. */
  slow3gUsableMs: 8000,
  /** Home usable on a repeat visit on slow 3G. */
  repeatUsableMs: 2500,
}

type Load = 'fast' | 'mobile' | 'slow3g' | 'repeat'
const loads: Record<Load, string> = {
  fast: `cold, ${profiles.fast.label}`,
  mobile: `cold, ${profiles.mobile.label}`,
  slow3g: `cold, ${profiles.slow3g.label}`,
  repeat: `repeat, ${profiles.slow3g.label}`,
}

export type Figures = Record<Load, Visit>

interface Options {
  runs: number
  dist: string
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function medianVisit(visits: readonly Visit[]): Visit {
  const of = (key: keyof Visit) => median(visits.map((v) => v[key]))
  return { bytesUntilUsable: of('bytesUntilUsable'), bytes: of('bytes'), served: of('served'), requests: of('requests'), lcpMs: of('lcpMs'), usableMs: of('usableMs') }
}

/** Each load from both servers in turn, run after run, so that a busy machine slows them alike. */
async function measure(browser: Browser, servers: readonly DeliveryServer[], runs: number): Promise<Figures[]> {
  const samples = servers.map((): Record<Load, Visit[]> => ({ fast: [], mobile: [], slow3g: [], repeat: [] }))
  for (let run = 0; run < runs; run += 1) {
    for (const [i, server] of servers.entries()) samples[i].fast.push((await coldThenRepeat(browser, server, profiles.fast)).cold)
    for (const [i, server] of servers.entries()) samples[i].mobile.push((await coldThenRepeat(browser, server, profiles.mobile)).cold)
    for (const [i, server] of servers.entries()) {
      const slow = await coldThenRepeat(browser, server, profiles.slow3g, profiles.slow3g)
      samples[i].slow3g.push(slow.cold)
      if (slow.repeat) samples[i].repeat.push(slow.repeat)
    }
  }
  return samples.map((s) => ({ fast: medianVisit(s.fast), mobile: medianVisit(s.mobile), slow3g: medianVisit(s.slow3g), repeat: medianVisit(s.repeat) }))
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00×' : '—') : `${(a / b).toFixed(2)}×`)

export function report(options: Options, app: Figures, plain: Figures): string {
  const lines = [
    `bench/delivery: the H5 home page in chromium at 390 × 844, CPU ${CPU_SLOWDOWN}× slower, network slowed through DevTools; median of ${options.runs} loads each`,
    `app = the real server; plain = the same build (${path.relative(root, options.dist) || options.dist}) from a plain static server: uncompressed, max-age=0, no service worker`,
    `to usable / whole visit = bytes the server wrote until home was usable / during the whole visit (headers included, every request;`,
    `the whole visit includes the service worker storing home and the screener for the next visit and for offline use, after home is usable)`,
    '',
    `${'load'.padEnd(34)} ${'server'.padEnd(6)} ${'to usable'.padStart(10)} ${'whole visit'.padStart(11)} ${'served'.padStart(6)} ${'requests'.padStart(8)} ${'LCP'.padStart(8)} ${'usable'.padStart(8)}`,
  ]
  for (const load of Object.keys(loads) as Load[]) {
    for (const [name, figures] of [['app', app], ['plain', plain]] as const) {
      const v = figures[load]
      lines.push(
        `${loads[load].padEnd(34)} ${name.padEnd(6)} ${kb(v.bytesUntilUsable).padStart(10)} ${kb(v.bytes).padStart(11)} ${String(v.served).padStart(6)} ${String(v.requests).padStart(8)} ${seconds(v.lcpMs).padStart(8)} ${seconds(v.usableMs).padStart(8)}`,
      )
    }
    const a = app[load]
    const p = plain[load]
    lines.push(`${''.padEnd(34)} ratio app / plain: transferred ${ratio(a.bytes, p.bytes)}, LCP ${ratio(a.lcpMs, p.lcpMs)}, usable ${ratio(a.usableMs, p.usableMs)}`)
  }
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
  lines.push(
    '',
    `goals (app): first load ≤ ${goals.firstLoadKB} KB: ${kb(app.mobile.bytesUntilUsable)} until usable ${verdict(app.mobile.bytesUntilUsable <= goals.firstLoadKB * 1024)}, ` +
      `${kb(app.mobile.bytes)} with the service worker's set-up ${verdict(app.mobile.bytes <= goals.firstLoadKB * 1024)}; ` +
      `LCP on mobile ≤ ${seconds(goals.mobileLcpMs)}: ${seconds(app.mobile.lcpMs)} ${verdict(app.mobile.lcpMs <= goals.mobileLcpMs)}`,
    `             usable on slow 3G ≤ ${seconds(goals.slow3gUsableMs)}: ${seconds(app.slow3g.usableMs)} ${verdict(app.slow3g.usableMs <= goals.slow3gUsableMs)}; ` +
      `repeat visit on slow 3G ≤ ${seconds(goals.repeatUsableMs)}: ${seconds(app.repeat.usableMs)} ${verdict(app.repeat.usableMs <= goals.repeatUsableMs)} ` +
      `(${app.repeat.served} requests reached the server)`,
    `             mobile LCP ${ratio(app.mobile.lcpMs, app.fast.lcpMs)} the fast line's (${seconds(app.fast.lcpMs)})`,
  )
  return `${lines.join('\n')}\n`
}

function parseArgs(argv: readonly string[]): { options: Options; json: boolean } {
  const options: Options = { runs: 3, dist: path.join(root, process.env.JX_DIST_H5 ?? 'dist-h5') }
  let json = false
  for (const arg of argv) {
    const runs = /^--runs=(\d+)$/.exec(arg)
    const dist = /^--dist=(.+)$/.exec(arg)
    if (runs) options.runs = Math.max(1, Number(runs[1]))
    else if (dist) options.dist = path.resolve(dist[1])
    else if (arg === '--json') json = true
    else throw new Error(`unknown argument ${arg}; known: --runs=3 --dist=dist-h5 --json`)
  }
  return { options, json }
}

/** The H5 build, made first when it is missing or older than its sources (as `npm start` does). */
function ensureBuilt(dist: string): void {
  if (dist === path.join(root, process.env.JX_DIST_H5 ?? 'dist-h5')) {
    const build = spawnSync(process.execPath, ['--input-type=module', '-e', "import { ensureH5Built } from './config/h5-build.mjs'; ensureH5Built()"], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('the H5 build failed')
  }
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`no H5 build in ${dist}: run npm run build:h5`)
}

async function main(): Promise<void> {
  const { options, json } = parseArgs(process.argv.slice(2))
  ensureBuilt(options.dist)
  const browser = await launch()
  const app = await appServer(options.dist)
  const plain = await plainServer(options.dist)
  try {
    const [appFigures, plainFigures] = await measure(browser, [app, plain], options.runs)
    process.stdout.write(json ? `${JSON.stringify({ options, goals, app: appFigures, plain: plainFigures }, null, 2)}\n` : report(options, appFigures, plainFigures))
  } finally {
    await browser.close()
    await app.close()
    await plain.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
