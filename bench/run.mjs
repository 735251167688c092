// `npm run bench`: runs every benchmark in bench/<name>/index.ts, one after another, so they do not
// compete for the machine's cores. Each prints its own figures and its ratio against its baseline.
// Names choose benchmarks; arguments starting with -- go to each of them (`npm run bench -- delivery --runs=1`).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const here = new URL('.', import.meta.url).pathname
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'))
const benches = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))

let failed = false
for (const name of benches) {
  process.stdout.write(`\n▶ bench/${name}\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, name, 'index.ts'), ...flags], { stdio: 'inherit' })
  if (result.status !== 0) failed = true
}
if (benches.length === 0) process.stdout.write('no benchmarks in bench/\n')
process.exit(failed ? 1 : 0)
