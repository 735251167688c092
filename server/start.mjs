// `npm start`: what a newcomer runs. Builds the H5 app when it is missing or stale, then starts the
// server with the embedded database (`npm run serve`), which prints the address to open.
import { spawn } from 'node:child_process'
import { ensureH5Built } from '../config/h5-build.mjs'

const root = new URL('..', import.meta.url).pathname
ensureH5Built()
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
