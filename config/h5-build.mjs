// Builds the H5 app into dist-h5/ when it is missing or older than its sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
export const h5Dir = join(root, process.env.JX_DIST_H5 ?? 'dist-h5')
const builtPage = join(h5Dir, 'index.html')

function newestChange(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))))
}

export function ensureH5Built() {
  const sources = ['src', 'config', 'package.json', 'babel.config.js'].map((p) => join(root, p))
  const stale = !existsSync(builtPage) || Math.max(...sources.map(newestChange)) > statSync(builtPage).mtimeMs
  if (!stale) return
  process.stdout.write('Building the H5 app (about half a minute, only when the sources changed)…\n')
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) {
    // The build's progress bar is noise on success; on failure its output says why.
    process.stderr.write(`${build.stdout}\n${build.stderr}\nThe H5 build failed; the messages above say why.\n`)
    process.exit(build.status ?? 1)
  }
}
