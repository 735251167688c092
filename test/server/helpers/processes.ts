// Real server processes for the tests that need more than one instance or a real signal:
// `node --import tsx server/main.ts` on a free port (PORT=0; the port is read from its start-up line).
import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../../..')

export interface ServerProcess {
  url: string
  port: number
  /** Every line it printed, standard output and error (JSON log lines and the start-up line). */
  lines: string[]
  /** The JSON log lines with this `msg`. */
  logged(msg: string): Record<string, unknown>[]
  /** Resolves with the exit code when the process has ended. */
  exited: Promise<number | null>
  signal(name: NodeJS.Signals): void
  /** SIGTERM, then waits for the exit (SIGKILL after 30 s). */
  stop(): Promise<number | null>
}

export async function startServerProcess(env: Record<string, string>, startMs = 180_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', H5_DIST: path.join(os.tmpdir(), 'jinxin-no-h5-build'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${startMs} ms:\n${lines.slice(-20).join('\n')}`)), startMs)
    const take = (stream: NodeJS.ReadableStream | null) => {
      let partial = ''
      stream?.setEncoding('utf8')
      stream?.on('data', (text: string) => {
        const parts = (partial + text).split('\n')
        partial = parts.pop() ?? ''
        for (const line of parts) {
          lines.push(line)
          const started = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(line)
          if (started && !line.startsWith('{')) {
            clearTimeout(timer)
            resolve(Number(started[1]))
          }
        }
      })
    }
    take(child.stdout)
    take(child.stderr)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before it started:\n${lines.slice(-20).join('\n')}`))
    })
  })
  const logged = (msg: string) =>
    lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === msg)
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    lines,
    logged,
    exited,
    signal: (name) => void child.kill(name),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const kill = setTimeout(() => child.kill('SIGKILL'), 30_000)
      try {
        return await exited
      } finally {
        clearTimeout(kill)
      }
    },
  }
}
