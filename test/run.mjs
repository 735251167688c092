// `npm test`: every check a change must pass, in order, stopping at the first that fails.
// Jest's own counts are collected from its JSON report so the last line is one plain summary.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reports = mkdtempSync(join(tmpdir(), 'jx-test-'))
const totals = { passed: 0, failed: 0 }

function run(title, command, args, env = process.env) {
  process.stdout.write(`\n▶ ${title}\n`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${result.status === 0 ? '✔' : '✘'} ${title} (${seconds} s)\n`)
  return result.status === 0
}

function jest(title, projects) {
  const report = join(reports, `${projects.join('-')}.json`)
  const ok = run(title, 'npx', ['jest', '-c', 'test/jest.config.js', '--selectProjects', ...projects, '--json', `--outputFile=${report}`])
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += summary.numPassedTests
    totals.failed += summary.numFailedTests
  } catch {
    totals.failed += 1
  }
  return ok
}

const database = `${process.env.DATABASE_URL ? 'PGlite and PostgreSQL' : 'PGlite'}${process.env.DATABASE_URL && process.env.REDIS_URL ? ', two instances with Redis' : ''}`
const steps = [
  () => run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  () => run('lint', 'npx', ['eslint', '-c', 'config/eslint.config.mjs', 'src', 'server', 'test', 'bench', 'config']),
  () => jest(`domain, components and server tests (server on ${database})`, ['domain', 'components', 'server']),
  // A subscribe-message template id, so the built pages offer status notifications to test.
  () => run('weapp build', 'npx', ['taro', 'build', '--type', 'weapp'], { ...process.env, TARO_APP_SUBSCRIBE_TEMPLATE_ID: process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? 'dev-claim-status' }),
  () => jest('built weapp pages in miniprogram-simulate', ['weapp']),
]

let ok = true
for (const step of steps) {
  if (!step()) {
    ok = false
    break
  }
}
if (!ok && totals.failed === 0) totals.failed = 1
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`)
process.exit(ok ? 0 : 1)
