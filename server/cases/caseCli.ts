// `npm run case -- list | move | ask`: plays the civil-affairs review system against a running server
// (see server/cases/cli.ts). Reads CASE_EVENTS_SECRET and PORT like the server does.
import { EnvError, loadEnv, type Env } from '../env'
import { CASE_CLI_USAGE, runCaseCli } from './cli'

async function main(): Promise<void> {
  let env: Env
  try {
    env = loadEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const argv = process.argv.slice(2)
  if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help')) {
    process.stdout.write(CASE_CLI_USAGE)
    return
  }
  const code = await runCaseCli(argv, {
    secret: env.caseEventsSecret,
    defaultUrl: `http://127.0.0.1:${env.port}`,
    write: (text) => process.stdout.write(text),
    now: () => new Date(),
  })
  process.exitCode = code
}

void main()
