// `npm run docs:integration`: writes docs/integration.md from the schemas, the status machine and the
// examples (see guide.ts). `-- --check` only says whether the file is current (exit 1 when not).
import { readFileSync, writeFileSync } from 'node:fs'
import { INTEGRATION_GUIDE_PATH, integrationGuide } from './guide'

function main(): void {
  const text = integrationGuide()
  let current = ''
  try {
    current = readFileSync(INTEGRATION_GUIDE_PATH, 'utf8')
  } catch {
    current = ''
  }
  if (process.argv.includes('--check')) {
    process.stdout.write(current === text ? 'docs/integration.md is current\n' : 'docs/integration.md is out of date: run npm run docs:integration\n')
    process.exitCode = current === text ? 0 : 1
    return
  }
  writeFileSync(INTEGRATION_GUIDE_PATH, text)
  process.stdout.write(current === text ? 'docs/integration.md was already current\n' : 'wrote docs/integration.md\n')
}

main()
