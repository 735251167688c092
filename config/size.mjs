// `npm run size`: the WeChat package budget as part of the build.
// Main package and each subpackage of dist/ in KB: fails over WeChat's 2 MB, warns over our goals.
// Also the H5 first load: every file a cold visit to home receives, in the bytes the server sends (brotli).
// The headers and the service worker's set-up are not in it: `npm run bench -- delivery` counts those.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = new URL('..', import.meta.url).pathname
const weapp = join(root, 'dist')
const h5 = join(root, 'dist-h5')
const wechatLimitKB = 2048
const goals = { main: 600, subpackage: 500 }
/** Home's first load, every file, as sent; the headers and the service worker fit in the rest of 180 KB. */
const h5FirstLoadGoalKB = 170

function ensureBuilt(dir, type) {
  if (existsSync(join(dir, type === 'weapp' ? 'app.json' : 'index.html'))) return
  process.stdout.write(`building ${type}…\n`)
  const result = spawnSync('npx', ['taro', 'build', '--type', type], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? files(path) : [path]
  })
}

const kb = (bytes) => bytes / 1024

ensureBuilt(weapp, 'weapp')
ensureBuilt(h5, 'h5')

const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'))
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
const sizes = new Map([['main', 0], ...subRoots.map((r) => [r, 0])])
for (const file of files(weapp)) {
  const rel = relative(weapp, file).split(sep).join('/')
  if (rel.endsWith('.map') || rel.endsWith('.LICENSE.txt') || rel === 'project.config.json') continue
  const owner = subRoots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
  sizes.set(owner, sizes.get(owner) + statSync(file).size)
}

let failed = false
const rows = []
for (const [name, bytes] of sizes) {
  const goal = name === 'main' ? goals.main : goals.subpackage
  const size = kb(bytes)
  const verdict = size > wechatLimitKB ? 'FAIL (over WeChat’s 2 MB)' : size > goal ? `warn (goal ${goal} KB)` : 'ok'
  if (size > wechatLimitKB) failed = true
  rows.push([name === 'main' ? 'weapp main package' : `weapp subpackage ${name}`, `${size.toFixed(1)} KB`, verdict])
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0)
rows.push(['weapp total', `${kb(total).toFixed(1)} KB`, ''])

// H5: what a phone receives on a cold visit to home, every file of it (the list the build writes beside
// itself), as the server sends it: the build's brotli copy where there is one, else the file itself.
const manifestPath = join(h5, '.delivery.json')
if (!existsSync(manifestPath)) {
  process.stdout.write('dist-h5 has no .delivery.json (an older build): run npm run build:h5\n')
  process.exit(1)
}
const firstLoad = JSON.parse(readFileSync(manifestPath, 'utf8')).home
const sent = (file) => (existsSync(join(h5, `${file}.br`)) ? statSync(join(h5, `${file}.br`)).size : statSync(join(h5, file)).size)
let firstLoadRaw = 0
let firstLoadSent = 0
for (const file of firstLoad) {
  const raw = statSync(join(h5, file)).size
  firstLoadRaw += raw
  firstLoadSent += sent(file)
  rows.push([`  h5 ${file}`, `${kb(sent(file)).toFixed(1)} KB`, `${kb(raw).toFixed(1)} KB uncompressed, gzip ${kb(gzipSync(readFileSync(join(h5, file))).length).toFixed(1)} KB`])
}
const firstLoadVerdict = kb(firstLoadSent) > h5FirstLoadGoalKB ? `warn (goal ${h5FirstLoadGoalKB} KB)` : 'ok'
rows.push([`h5 home, cold: ${firstLoad.length} files sent (brotli)`, `${kb(firstLoadSent).toFixed(1)} KB`, `${firstLoadVerdict}; ${kb(firstLoadRaw).toFixed(1)} KB uncompressed`])
const everything = files(h5).filter((file) => /\.(js|css)$/.test(file))
const everythingSent = everything.reduce((sum, file) => sum + sent(relative(h5, file)), 0)
rows.push([`h5 all pages' JS and CSS (${everything.length} files, brotli)`, `${kb(everythingSent).toFixed(1)} KB`, 'each loaded with the page that needs it'])

const width = Math.max(...rows.map((r) => r[0].length))
for (const [name, size, verdict] of rows) process.stdout.write(`${name.padEnd(width)}  ${size.padStart(10)}  ${verdict}\n`)
process.exit(failed ? 1 : 0)
