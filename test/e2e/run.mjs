// `npm run test:e2e`: the H5 build served by the real server (embedded database in a fresh folder),
// driven in Debian's chromium at phone size.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureH5Built, h5Dir } from '../../config/h5-build.mjs'

const root = new URL('../..', import.meta.url).pathname
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(chromium)) {
  process.stderr.write(
    `Chromium was not found at ${chromium}.\n` +
      'Install Debian’s chromium and run again:\n  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '(or set CHROMIUM_PATH to another Chromium binary)\n',
  )
  process.stdout.write('0 passed, 1 failed\n')
  process.exit(1)
}

// Without a CJK font chromium draws Chinese as narrow boxes, and the elder-mode size checks measure those.
const cjk = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
if (cjk.status === 0 && cjk.stdout.trim() === '') {
  process.stderr.write('No Chinese font is installed, so pages cannot be measured as a phone shows them.\n' + 'Install one and run again:\n  sudo apt-get install -y fonts-wqy-microhei\n')
  process.stdout.write('0 passed, 1 failed\n')
  process.exit(1)
}

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

ensureH5Built()
const port = await freePort()
const baseUrl = `http://127.0.0.1:${port}`
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'jx-e2e-')), LOG_LEVEL: 'warn', H5_DIST: h5Dir }
delete env.DATABASE_URL
// node with tsx's loader, not npx: one process, so stopping it stops the server.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] })

async function waitForHealth() {
  for (let i = 0; i < 120; i += 1) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the server did not answer /api/v1/health within 60 s')
}

let status = 1
let summary = '0 passed, 1 failed'
try {
  await waitForHealth()
  const report = join(mkdtempSync(join(tmpdir(), 'jx-e2e-report-')), 'report.json')
  const result = spawnSync('npx', ['jest', '-c', 'test/jest.config.js', '--selectProjects', 'e2e', '--runInBand', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: baseUrl },
  })
  status = result.status ?? 1
  const counts = JSON.parse(readFileSync(report, 'utf8'))
  summary = `${counts.numPassedTests} passed, ${counts.numFailedTests} failed`
} catch (error) {
  process.stderr.write(`${error.message}\n`)
} finally {
  server.kill('SIGTERM')
}
process.stdout.write(`\n${summary}\n`)
process.exit(status)
