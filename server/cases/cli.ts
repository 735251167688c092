// The development review system behind `npm run case -- …`: signs and posts events to a running server
// exactly as the civil-affairs review system would (HMAC-SHA256 over the exact bytes, `X-Signature`).
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimStatus } from '@/domain/application'
import { CASE_EVENT_SIGNATURE_HEADER, CaseClaimListSchema, type CaseEvent, type DecisionInput, type RequestedItem } from '@/domain/claims'
import { DOCUMENT_IDS, type DocumentId } from '@/domain/documents'
import { hmacSha256Hex } from '../crypto'

export const CASE_CLI_USAGE = `用法 (usage):
  npm run case -- list
  npm run case -- move <claimId> <status> [--note 说明] [--reason 原因] [--office 坞城街道办事处 --office-phone 0351-7654321]
  npm run case -- move <claimId> approved --amount 669 --start 2026-12     (monthly benefits: yuan a month, first month)
  npm run case -- move <claimId> approved --once 6000                      (one-off benefits: 适老化改造, 圆梦助学, 临时救助)
  npm run case -- ask <claimId> [--doc income_proof]… [--question "问题"]… --due 2026-12-31 [--note 说明]
documents (--doc): ${DOCUMENT_IDS.join(', ')}
options: --url http://127.0.0.1:3000 (default: http://127.0.0.1:$PORT, PORT defaulting to 3000)
statuses: ${CLAIM_STATUSES.join(', ')}
The secret is CASE_EVENTS_SECRET, or the server's development default when unset.
`

export interface CaseCliContext {
  /** The shared secret (CASE_EVENTS_SECRET as the server has it). */
  secret: string
  /** The server's base URL, e.g. http://127.0.0.1:3000. */
  defaultUrl: string
  write(text: string): void
  now(): Date
}

class UsageError extends Error {}

function isStatus(value: string): value is ClaimStatus {
  return (CLAIM_STATUSES as readonly string[]).includes(value)
}

function documentId(value: string): DocumentId {
  const found = DOCUMENT_IDS.find((id) => id === value)
  if (!found) throw new UsageError(`--doc 应为：${DOCUMENT_IDS.join(', ')}`)
  return found
}

async function postSigned(context: CaseCliContext, baseUrl: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const bytes = JSON.stringify(body)
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CASE_EVENT_SIGNATURE_HEADER]: `sha256=${hmacSha256Hex(context.secret, bytes)}` },
    body: bytes,
  })
  const text = await response.text()
  let json: unknown = text
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: response.status, json }
}

function describeError(json: unknown): string {
  if (typeof json === 'object' && json !== null) {
    const { message, issues } = json as { message?: unknown; issues?: Array<{ path?: string; message?: string }> }
    const lines = [typeof message === 'string' ? message : JSON.stringify(json)]
    for (const issue of Array.isArray(issues) ? issues : []) lines.push(`  ${issue.path ?? ''}: ${issue.message ?? ''}`)
    return lines.join('\n')
  }
  return String(json)
}

/** Builds the event a `move` or `ask` command sends. Throws UsageError on a bad command line. */
export function eventFor(command: 'move' | 'ask', positionals: string[], values: Record<string, string | string[] | undefined>): CaseEvent {
  const text = (name: string): string | undefined => {
    const value = values[name]
    return typeof value === 'string' ? value : undefined
  }
  const list = (name: string): string[] => {
    const value = values[name]
    return Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
  }
  const claimId = positionals[0]
  if (!claimId) throw new UsageError('缺少 claimId')
  const officeName = text('office')
  const officePhone = text('office-phone')
  if (Boolean(officeName) !== Boolean(officePhone)) throw new UsageError('--office 和 --office-phone 要一起给')
  const office = officeName && officePhone ? { office: { name: officeName, phone: officePhone } } : {}
  const base = { eventId: `dev-${randomUUID()}`, claimId, note: text('note'), reason: text('reason'), ...office }
  if (command === 'ask') {
    const items: RequestedItem[] = [
      ...list('doc').map((doc): RequestedItem => ({ kind: 'document', documentId: documentId(doc) })),
      ...list('question').map((question): RequestedItem => ({ kind: 'answer', question })),
    ]
    const dueDate = text('due')
    if (items.length === 0) throw new UsageError('ask 需要 --doc 或 --question')
    if (!dueDate) throw new UsageError('ask 需要 --due YYYY-MM-DD')
    return { ...base, status: 'needs_info', requested: { items, dueDate } }
  }
  const status = positionals[1]
  if (!status || !isStatus(status)) throw new UsageError(`状态应为：${CLAIM_STATUSES.join(', ')}`)
  if (status === 'approved') return { ...base, status, decision: decisionFor(text('amount'), text('start'), text('once')) }
  return { ...base, status }
}

/** `--amount 669 --start 2026-12` (monthly) or `--once 6000` (one-off), in yuan. */
function decisionFor(amount: string | undefined, start: string | undefined, once: string | undefined): DecisionInput {
  const yuan = (value: string, option: string) => {
    const parsed = Number(value)
    if (!Number.isFinite(parsed)) throw new UsageError(`${option} 应为数字（元）`)
    return parsed
  }
  if (once !== undefined) {
    if (amount !== undefined || start !== undefined) throw new UsageError('--once 是一次性金额，不能与 --amount/--start 同时给')
    return { payment: 'one_off', amount: yuan(once, '--once') }
  }
  if (!amount || !start) throw new UsageError('approved 需要 --amount <每月元数> --start YYYY-MM，或一次性的 --once <元数>')
  return { payment: 'monthly', amount: yuan(amount, '--amount'), startMonth: start }
}

/** Runs one command; resolves to the process exit code. */
export async function runCaseCli(argv: string[], context: CaseCliContext): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>
  try {
    parsed = parseCommandLine(argv)
  } catch (error) {
    context.write(`${(error as Error).message}\n\n${CASE_CLI_USAGE}`)
    return 2
  }
  const [command, ...rest] = parsed.positionals
  const baseUrl = typeof parsed.values.url === 'string' ? parsed.values.url : context.defaultUrl
  try {
    if (command === 'list') {
      const answer = await postSigned(context, baseUrl, '/case-events/claims', { requestedAt: context.now().toISOString() })
      if (answer.status !== 200) {
        context.write(`${answer.status}: ${describeError(answer.json)}\n`)
        return 1
      }
      const { claims } = CaseClaimListSchema.parse(answer.json)
      if (claims.length === 0) context.write('还没有申请。(no claims yet)\n')
      for (const claim of claims) context.write(`${claim.claimId}  application ${claim.applicationId}  ${claim.benefit.padEnd(30)} ${claim.status} (${claim.statusLabel})  ${claim.updatedAt}\n`)
      return 0
    }
    if (command === 'move' || command === 'ask') {
      const event = eventFor(command, rest, parsed.values)
      const answer = await postSigned(context, baseUrl, '/case-events', event)
      if (answer.status !== 200) {
        context.write(`${answer.status}: ${describeError(answer.json)}\n`)
        return 1
      }
      const result = answer.json as { previousStatus: ClaimStatus; status: ClaimStatus; note: string }
      context.write(`${event.claimId}: ${CLAIM_STATUS_LABELS[result.previousStatus]} → ${CLAIM_STATUS_LABELS[result.status]}  ${result.note}\n`)
      return 0
    }
    throw new UsageError(command ? `未知命令：${command}` : '缺少命令')
  } catch (error) {
    if (error instanceof UsageError) {
      context.write(`${error.message}\n\n${CASE_CLI_USAGE}`)
      return 2
    }
    context.write(`无法连接 ${baseUrl}：${(error as Error).message}（服务器在运行吗？npm run serve）\n`)
    return 1
  }
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      note: { type: 'string' },
      reason: { type: 'string' },
      amount: { type: 'string' },
      start: { type: 'string' },
      once: { type: 'string' },
      doc: { type: 'string', multiple: true },
      question: { type: 'string', multiple: true },
      due: { type: 'string' },
      office: { type: 'string' },
      'office-phone': { type: 'string' },
    },
  })
}
