// `npm run size`: the WeChat package budget as part of the build.
// Main package and each subpackage of dist/ in KB: fails over WeChat's 2 MB, warns over our goals.
// Also the H5 first load: the JS and CSS index.html pulls in, gzipped.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = new URL('..', import.meta.url).pathname
const weapp = join(root, 'dist')
const h5 = join(root, 'dist-h5')
const wechatLimitKB = 2048
const goals = { main: 800, subpackage: 500 }

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

const html = readFileSync(join(h5, 'index.html'), 'utf8')
const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])
let jsGzip = 0
let cssGzip = 0
for (const asset of assets) {
  const gz = gzipSync(readFileSync(join(h5, asset))).length
  if (asset.endsWith('.js')) jsGzip += gz
  else cssGzip += gz
}
rows.push(['h5 first-load JS (gzip)', `${kb(jsGzip).toFixed(1)} KB`, ''])
rows.push(['h5 first-load CSS (gzip)', `${kb(cssGzip).toFixed(1)} KB`, ''])

const width = Math.max(...rows.map((r) => r[0].length))
for (const [name, size, verdict] of rows) process.stdout.write(`${name.padEnd(width)}  ${size.padStart(10)}  ${verdict}\n`)
process.exit(failed ? 1 : 0)
