// docs/integration.md, the guide for the civil-affairs review system: generated, never edited by hand.
// `npm run docs:integration` writes it; a test fails when the file differs and sends every example in it
// to a running server. The signing rule, fields, status table, examples and answers all come from the
// schemas, the status machine, the server's own errors and caseEventExamples.ts, so none can drift.
//
// To document more signed events (e.g. reports), add their examples to a new GuideSection in
// `sections()`: each example is a shell script run after SETUP_SCRIPT, with its documented answer.
import path from 'node:path'
import { z } from 'zod'
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimStatus } from '@/domain/application'
import {
  CLAIM_STATUS_EXPLANATIONS,
  CLAIM_TRANSITIONS,
  ONE_OFF_BENEFITS,
  CaseClaimListRequestSchema,
  CaseEventSchema,
  PUBLIC_NOTICE_BENEFITS,
  canTransition,
  paymentOf,
  timelineNote,
  type CaseClaimList,
  type CaseEvent,
  type CaseEventResult,
  type TransitionScope,
} from '@/domain/claims'
import { DOCUMENTS } from '@/domain/documents'
import { benefitName, type BenefitId } from '@/domain/policy/rules'
import { eventIdReused, invalidTransition, unknownClaim, wrongPaymentKind } from '../cases/caseEvents'
import { DEVELOPMENT_CASE_EVENTS_SECRET } from '../env'
import type { HttpError } from '../errors'
import { toHttpError } from '../http/error-handler'
import { validatorCompiler } from '../http/zod-messages'
import { APPLICATION_EXAMPLE } from '../openapi/examples'
import { LIST_REQUEST_WINDOW_MS, badSignature, staleRequest } from '../routes/caseEvents'
import {
  CASE_JOURNEYS,
  CLAIM_VARIABLE,
  EVENT_FOR_UNKNOWN_CLAIM,
  EVENT_WITHOUT_REASON,
  UNKNOWN_CLAIM_ID,
  withClaimId,
  type CaseJourney,
} from './caseEventExamples'

/** Stand-ins in documented answers for what differs on every server. */
/** Where the guide is kept. */
export const INTEGRATION_GUIDE_PATH = path.resolve(__dirname, '../../docs/integration.md')

export const PLACEHOLDERS = {
  /** The example application's id. */
  applicationId: '<applicationId>',
  /** Any claim's id. */
  claimId: '<claimId>',
  /** Any ISO 8601 instant. */
  time: '<time>',
} as const

export interface DocumentedAnswer {
  status: number
  body: unknown
}

export interface GuideExample {
  title: string
  /** `CLAIM_ID` is this claim of the example application. */
  benefit?: BenefitId
  /** Shell lines, run after SETUP_SCRIPT. */
  script: string
  /** The same with `npm run case`, and the event it must send. */
  cli?: { args: string[]; event: CaseEvent }
  answer: DocumentedAnswer
  /** What the caller should do about this answer (for refusals). */
  advice?: string
}

interface GuideSection {
  heading: string
  intro: string
  examples: GuideExample[]
}

const CLAIM = `$${CLAIM_VARIABLE}`
const NOW_IN_SHELL = '$(date -u +%Y-%m-%dT%H:%M:%SZ)'
const CASE_EVENTS_PATH = '/case-events'
const CLAIM_LIST_PATH = '/case-events/claims'

export const SETUP_SCRIPT = `# 服务器地址和共享密钥：默认是开发服务器（npm start）的；对接正式环境时换成与服务器相同的 CASE_EVENTS_SECRET
BASE_URL=\${BASE_URL:-http://127.0.0.1:3000}
CASE_EVENTS_SECRET=\${CASE_EVENTS_SECRET:-${DEVELOPMENT_CASE_EVENTS_SECRET}}

# post_signed <路径> <请求体>：用密钥对请求体的原始字节计算 HMAC-SHA256，把同样的字节原样发送；
# 打印答复，最后一行是 HTTP 状态码
post_signed() {
  signature=$(printf '%s' "$2" | openssl dgst -sha256 -hmac "$CASE_EVENTS_SECRET" | sed 's/^.*= //')
  curl -sS -X POST "$BASE_URL/api/v1$1" \\
    -H 'content-type: application/json' \\
    -H "x-signature: sha256=$signature" \\
    --data-binary "$2" \\
    -w '\\nHTTP %{http_code}\\n'
}`

const code = (text: string) => `\`${text}\``
const json = (value: unknown) => JSON.stringify(value, null, 2)

/** A body for a here-document: only `$CLAIM_ID` and the current time may expand in it. */
function bodyText(body: unknown): string {
  const text = typeof body === 'string' ? body : json(body)
  const rest = text.replaceAll(CLAIM, '').replaceAll(NOW_IN_SHELL, '')
  if (/[$`\\]/.test(rest)) throw new Error(`an example body must not contain $, \` or \\: ${text}`)
  return text
}

function postScript(path: string, body: unknown, prefix = ''): string {
  return `body=$(cat <<EOF\n${bodyText(body)}\nEOF\n)\n${prefix}post_signed ${path} "$body"`
}

function errorAnswer(error: HttpError): DocumentedAnswer {
  return { status: error.statusCode, body: error.toBody() }
}

/** The server's own 400 for a body its schema refuses. */
function validationAnswer(schema: z.ZodType, body: unknown): DocumentedAnswer {
  const result = validatorCompiler({ schema, method: 'POST', url: CASE_EVENTS_PATH, httpPart: 'body' })(body) as { error?: unknown }
  const error = Array.isArray(result.error) ? toHttpError({ validation: result.error }) : undefined
  if (!error) throw new Error(`the schema accepts ${json(body)}`)
  return errorAnswer(error)
}

/** The answer to an allowed event: what the server returns and writes into the timeline. */
function eventResult(event: CaseEvent, previousStatus: ClaimStatus, benefit: BenefitId): CaseEventResult {
  if (!event.at) throw new Error(`example ${event.eventId} needs an "at", so that its answer is known`)
  return {
    eventId: event.eventId,
    claimId: event.claimId,
    applicationId: PLACEHOLDERS.applicationId,
    previousStatus,
    status: event.status,
    statusLabel: CLAIM_STATUS_LABELS[event.status],
    note: timelineNote(event, benefit),
    at: new Date(event.at).toISOString(),
  }
}

/** How the server refuses an event for a claim in `status`, by the same rules: the status machine, then the kind of decision. */
function refusalOf(event: CaseEvent, status: ClaimStatus, benefit: BenefitId): HttpError | undefined {
  if (!canTransition(status, event.status, benefit)) return invalidTransition(status, event.status)
  if (event.decision && event.decision.payment !== paymentOf(benefit)) return wrongPaymentKind(benefit)
  return undefined
}

/** A journey's examples, each answered as the server's rules decide; a step that contradicts them is an error here. */
function journeyExamples(journey: CaseJourney): GuideExample[] {
  let status: ClaimStatus = 'submitted'
  const sent = new Map<string, { event: CaseEvent; answer: DocumentedAnswer }>()
  return journey.steps.map((step): GuideExample => {
    const base = { title: step.title, benefit: journey.benefit }
    switch (step.kind) {
      case 'event': {
        const refusal = refusalOf(step.event, status, journey.benefit)
        if (refusal) throw new Error(`${step.title}: the server would refuse it with ${refusal.statusCode} ${refusal.errorCode}`)
        const answer = { status: 200, body: eventResult(step.event, status, journey.benefit) }
        status = step.event.status
        sent.set(step.event.eventId, { event: step.event, answer })
        return { ...base, script: postScript(CASE_EVENTS_PATH, step.event), answer, ...(step.cli ? { cli: { args: step.cli, event: step.event } } : {}) }
      }
      case 'refused': {
        const refusal = refusalOf(step.event, status, journey.benefit)
        if (!refusal) throw new Error(`${step.title}: the server would take it`)
        const advice =
          refusal.statusCode === 409 ? '按状态表走下一步；这个事件什么也没有改变，不要重试同一个事件。' : '按补助的发放方式给出金额（见下面的字段表），用新的 eventId 发送。'
        return { ...base, script: postScript(CASE_EVENTS_PATH, step.event), answer: errorAnswer(refusal), advice }
      }
      case 'replay': {
        const earlier = sent.get(step.of)
        if (!earlier) throw new Error(`${step.title}: no earlier event ${step.of}`)
        return { ...base, script: postScript(CASE_EVENTS_PATH, earlier.event), answer: earlier.answer }
      }
      case 'reuse': {
        if (!sent.has(step.event.eventId)) throw new Error(`${step.title}: no earlier event ${step.event.eventId}`)
        return {
          ...base,
          script: postScript(CASE_EVENTS_PATH, step.event),
          answer: errorAnswer(eventIdReused()),
          advice: '每个新事件用新的 eventId；重试时发送与第一次完全相同的内容。',
        }
      }
    }
  })
}

function sections(): GuideSection[] {
  const listBody = `{"requestedAt": "${NOW_IN_SHELL}"}`
  const pulled: CaseClaimList = {
    claims: APPLICATION_EXAMPLE.benefits.map((benefit) => ({
      claimId: PLACEHOLDERS.claimId,
      applicationId: PLACEHOLDERS.applicationId,
      benefit,
      status: 'submitted',
      statusLabel: CLAIM_STATUS_LABELS.submitted,
      updatedAt: PLACEHOLDERS.time,
    })),
  }
  const staleBody = { requestedAt: '2026-01-01T00:00:00Z' }
  return [
    {
      heading: '拉取申请事项',
      intro:
        `${code(`POST /api/v1${CLAIM_LIST_PATH}`)} 答复所有申请事项（每项补助一项）的编号、所属申请、补助和状态，最新变化的在前，最多 500 项，不含任何个人信息。` +
        `请求体只有 ${code('requestedAt')}（现在的时间），与服务器时钟相差超过 ${LIST_REQUEST_WINDOW_MS / 60_000} 分钟的请求会被拒绝，截获的旧请求不能重放。`,
      examples: [
        { title: '拉取（刚提交的王秀英的申请：每项补助都是“已提交”）', script: postScript(CLAIM_LIST_PATH, listBody), answer: { status: 200, body: pulled } },
        {
          title: '过期的拉取请求',
          script: postScript(CLAIM_LIST_PATH, staleBody),
          answer: errorAnswer(staleRequest()),
          advice: '每次拉取都用现在的时间；检查审核系统服务器的时钟。',
        },
      ],
    },
    ...CASE_JOURNEYS.map((journey) => ({
      heading: journey.title,
      intro: `以下示例里的 ${code(CLAIM_VARIABLE)} 是王秀英那份申请里“${benefitName(journey.benefit)}”（${code(journey.benefit)}）那一项的 ${code('claimId')}：${code(`${CLAIM_VARIABLE}=<拉取到的 claimId>`)}。`,
      examples: journeyExamples(journey),
    })),
    {
      heading: '被拒绝的请求',
      intro: '签名在检查内容之前核对；内容不合格时 issues 逐项列出字段和原因。这些请求什么也不会改变。',
      examples: [
        {
          title: '签名不对（这里故意用了别的密钥）',
          script: postScript(CASE_EVENTS_PATH, EVENT_FOR_UNKNOWN_CLAIM, 'CASE_EVENTS_SECRET=not-the-shared-secret '),
          answer: errorAnswer(badSignature()),
          advice: '对发送的原始字节签名（签名之后不要再改动或重新排版请求体），核对密钥和请求头的写法。',
        },
        {
          title: '内容不合格：未获批准却没有原因',
          benefit: 'dibao',
          script: postScript(CASE_EVENTS_PATH, EVENT_WITHOUT_REASON),
          answer: validationAnswer(CaseEventSchema, withClaimId(EVENT_WITHOUT_REASON, UNKNOWN_CLAIM_ID)),
          advice: '按 issues 改正字段后，用同一个 eventId 重新发送。',
        },
        {
          title: '没有这个申请事项',
          script: postScript(CASE_EVENTS_PATH, EVENT_FOR_UNKNOWN_CLAIM),
          answer: errorAnswer(unknownClaim()),
          advice: '核对 claimId（来自拉取的列表）。',
        },
      ],
    },
  ]
}

/** Every example in the order the guide shows them, which is also an order they all succeed in. */
export function guideExamples(): GuideExample[] {
  return sections().flatMap((section) => section.examples)
}

/** A command-line word, quoted unless plainly safe. */
function shellWord(word: string): string {
  return word === CLAIM || /^[\w./:=@%+,-]+$/.test(word) ? word : `"${word}"`
}

export const cliLine = (args: string[]) => `npm run case -- ${args.map(shellWord).join(' ')}`

function scopeNote(scope: TransitionScope): string {
  if (scope === 'all') return ''
  const names = PUBLIC_NOTICE_BENEFITS.map(benefitName).join('、')
  return scope === 'public_notice_benefits' ? `（仅${names}）` : `（${names}以外）`
}

/** The fields a status requires, found by asking the schema about an event with none of them. */
function requiredFieldsFor(status: ClaimStatus): string[] {
  const result = CaseEventSchema.safeParse({ eventId: 'probe', claimId: UNKNOWN_CLAIM_ID, status })
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0])))]
}

function statusTable(): string {
  const rows = CLAIM_STATUSES.map((status) => {
    const transitions = Object.entries(CLAIM_TRANSITIONS[status])
    // A status only some benefits reach says so once, not on each way out.
    const shared = transitions.length > 0 && transitions.every(([, scope]) => scope === transitions[0][1]) ? transitions[0][1] : undefined
    const next = transitions.map(([to, scope]) => `${code(to)}${shared ? '' : scopeNote(scope)}`)
    if (shared && shared !== 'all') next[0] = `${scopeNote(shared).replace(/^（(.*)）$/, '$1：')}${next[0]}`
    const required = requiredFieldsFor(status).map(code)
    return `| ${code(status)} | ${CLAIM_STATUS_LABELS[status]} | ${CLAIM_STATUS_EXPLANATIONS[status].happening} | ${next.length > 0 ? next.join('、') : '—（已办结）'} | ${required.length > 0 ? required.join('、') : '—'} |`
  })
  return ['| 状态 | 居民看到 | 这时在做什么 | 之后可以变为 | 事件必须带 |', '|---|---|---|---|---|', ...rows].join('\n')
}

interface JsonSchemaNode {
  type?: string
  format?: string
  const?: unknown
  enum?: unknown[]
  description?: string
  properties?: Record<string, JsonSchemaNode>
  required?: string[]
  items?: JsonSchemaNode
  oneOf?: JsonSchemaNode[]
  anyOf?: JsonSchemaNode[]
}

function typeOf(node: JsonSchemaNode, name: string): string {
  if (name === 'status') return '状态（见状态表）'
  if (name === 'documentId') return '材料编号（见材料表）'
  const values = node.enum ?? (node.const === undefined ? undefined : [node.const])
  if (values) return values.map((value) => code(String(value))).join(' 或 ')
  if (node.type === 'array') return `数组`
  const formats: Record<string, string> = { uuid: 'UUID', 'date-time': 'ISO 8601 时间', date: 'YYYY-MM-DD' }
  if (node.format && formats[node.format]) return formats[node.format]
  const types: Record<string, string> = { string: '文字', integer: '整数', number: '数', object: '对象', boolean: '是/否' }
  return types[node.type ?? ''] ?? node.type ?? ''
}

/**
 * The variants of a union of objects (`decision`: monthly or one-off) as one object: each field once,
 * a literal field listing every value, and a field only some variants require said to be required there.
 */
function mergedVariants(variants: JsonSchemaNode[]): JsonSchemaNode {
  const discriminator = Object.keys(variants[0].properties ?? {}).find((name) => variants.every((variant) => variant.properties?.[name]?.const !== undefined))
  const properties: Record<string, JsonSchemaNode> = {}
  const required: string[] = []
  const names = [...new Set(variants.flatMap((variant) => Object.keys(variant.properties ?? {})))]
  for (const name of names) {
    const having = variants.filter((variant) => variant.properties?.[name])
    const first = having[0].properties?.[name] ?? {}
    const consts = having.map((variant) => variant.properties?.[name]?.const).filter((value) => value !== undefined)
    const descriptions = [...new Set(having.map((variant) => variant.properties?.[name]?.description).filter(Boolean))]
    properties[name] = { ...first, ...(consts.length > 1 ? { const: undefined, enum: consts } : {}), description: descriptions.join('；') }
    const requiring = variants.filter((variant) => variant.required?.includes(name))
    if (requiring.length === variants.length) required.push(name)
    else if (requiring.length > 0 && discriminator) {
      const when = requiring.map((variant) => code(String(variant.properties?.[discriminator]?.const))).join(' 或 ')
      properties[name] = { ...properties[name], description: `${properties[name].description ?? ''}（${discriminator} 为 ${when} 时必填）` }
    }
  }
  return { type: 'object', properties, required }
}

/** One row per field, nested fields with dotted paths (`requested.items[].kind`). */
function fieldRows(node: JsonSchemaNode, prefix = ''): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, given]) => {
    const variants = given.oneOf ?? given.anyOf
    const child = variants ? { ...mergedVariants(variants), description: given.description } : given
    const path = `${prefix}${name}`
    const row = `| ${code(path)} | ${typeOf(child, name)} | ${node.required?.includes(name) ? '是' : ''} | ${child.description ?? ''} |`
    const inner = child.type === 'array' && child.items ? fieldRows(child.items, `${path}[].`) : fieldRows(child, `${path}.`)
    return [row, ...inner]
  })
}

function fieldTable(schema: z.ZodType): string {
  const node = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode
  return ['| 字段 | 类型 | 必填 | 说明 |', '|---|---|---|---|', ...fieldRows(node)].join('\n')
}

function documentTable(): string {
  return ['| 材料编号 | 材料 |', '|---|---|', ...DOCUMENTS.map((document) => `| ${code(document.id)} | ${document.name}：${document.description} |`)].join('\n')
}

function exampleMarkdown(example: GuideExample): string {
  const parts = [`#### ${example.title}`, '', '```sh', example.script, '```']
  if (example.cli) parts.push('', `用 ${code('npm run case')}（同样的事件，事件编号由它生成）：`, '', '```sh', cliLine(example.cli.args), '```')
  parts.push('', `答复 HTTP ${example.answer.status}：`, '', '```json', json(example.answer.body), '```')
  if (example.advice) parts.push('', `该怎么办：${example.advice}`)
  return parts.join('\n')
}

function errorTable(examples: GuideExample[]): string {
  const rows = new Map<string, string>()
  for (const example of examples) {
    const body = example.answer.body as { error?: string; message?: string }
    if (example.answer.status < 400 || !body.error || !example.advice) continue
    rows.set(`${example.answer.status} ${body.error}`, `| ${example.answer.status} | ${code(body.error)} | ${example.title} | ${example.advice} |`)
  }
  return ['| HTTP | error | 什么时候 | 该怎么办 |', '|---|---|---|---|', ...[...rows.keys()].sort().map((key) => rows.get(key))].join('\n')
}

/** The whole of docs/integration.md. */
export function integrationGuide(): string {
  const all = sections()
  const examples = all.flatMap((section) => section.examples)
  return `<!-- 由 npm run docs:integration 从 server/integration/ 生成，请不要手工修改。 -->
# 民政审核系统对接说明

晋心助手把居民提交的申请按补助拆成“申请事项”（claim，每项补助一项）。民政审核系统做两件事：

1. **拉取**申请事项和它们的状态：${code(`POST /api/v1${CLAIM_LIST_PATH}`)}；
2. 审核有进展时**发送状态事件**：${code(`POST /api/v1${CASE_EVENTS_PATH}`)}。居民在“我的申请”里看到新状态和说明，订阅了消息的会收到微信通知。

两个接口都要签名。所有接口的完整说明（字段、答复、错误）在服务器的 ${code('/api/docs')}，机器可读的文档在 ${code('/api/v1/openapi.json')}。
本文的每个示例都由测试对真实的服务器运行过（${code('npm test')}），答复就是服务器给出的答复；${code('<applicationId>')}、${code('<claimId>')}、${code('<time>')} 在每台服务器上不同。

## 签名

- 密钥：与服务器的环境变量 ${code('CASE_EVENTS_SECRET')} 相同（至少 32 个字符，正式环境必须设置）。
- 对**请求体的原始字节**计算 HMAC-SHA256，写成小写十六进制，放在请求头 ${code('X-Signature: sha256=<hex>')}。签名之后请求体一个字节也不能改（不要重新排版、不要转码），所以先序列化，再签名，再发送同样的字节。
- 请求头 ${code('Content-Type: application/json')}，请求体是 UTF-8 的 JSON。
- 签名缺失或不符：答 401 ${code('bad_signature')}，在检查内容之前就拒绝。

下面的示例用 ${code('bash')}、${code('openssl')} 和 ${code('curl')}。先运行一次：

\`\`\`sh
${SETUP_SCRIPT}
\`\`\`

也可以用 ${code('npm run case')}（在本仓库里运行，密钥和服务器地址取自 ${code('CASE_EVENTS_SECRET')} 和 ${code('PORT')}）：${code('npm run case -- list')} 列出申请事项，${code('move')} 和 ${code('ask')} 发送事件。

## 状态事件的字段

${fieldTable(CaseEventSchema)}

拉取请求的字段：

${fieldTable(CaseClaimListRequestSchema)}

## 状态表

每个申请事项从 ${code('submitted')}（已提交）开始，只能按下表变化；表外的变化答 409 ${code('invalid_transition')}，什么也不改变。
${PUBLIC_NOTICE_BENEFITS.map(benefitName).join('、')}必须先公示（${code('public_notice')}）才能批准，其他补助不公示。最后一列是这个状态的事件必须带的字段。
批准时的金额：${ONE_OFF_BENEFITS.map(benefitName).join('、')}一次性发放（${code('"payment": "one_off"')}），其他补助按月发放（${code('"payment": "monthly"')}，带起始月份）；种类不对答 422 ${code('wrong_payment_kind')}。

${statusTable()}

## 重放和冲突

- **重放**：同一个事件（同一 ${code('eventId')}、完全相同的内容）再发送，答 200，答复与第一次完全相同，什么也不改变。网络出错、不知道是否送达时，放心重发同一个事件。
- **同一 eventId、内容不同**：答 422 ${code('event_id_reused')}。每个新事件要用新的 ${code('eventId')}。
- **冲突**：状态表不允许的变化答 409 ${code('invalid_transition')}，${code('message')} 说明从哪个状态不能变为哪个状态。先拉取这一项的当前状态，再按状态表发送。

## 示例

${all.map((section) => [`### ${section.heading}`, section.intro, ...section.examples.map(exampleMarkdown)].join('\n\n')).join('\n\n')}

## 错误答复

错误答复的格式统一为 ${code('{"error": "…", "message": "…", "issues": [...]}')}：${code('error')} 是给程序判断的代码，${code('message')} 是中文说明，${code('issues')}（只在内容不合格时）逐项列出字段（${code('path')}）和原因。先按 HTTP 状态码处理，再看 ${code('error')}。

${errorTable(examples)}

此外：请求体超过 1 MB 答 413，不是 JSON 答 415（${code('unsupported_media_type')}），JSON 写错答 400（${code('invalid_json')}），服务器出错答 500（${code('internal_error')}，可以稍后用同一个事件重试）。

## 材料编号

补正材料（${code('needs_info')}）里 ${code('documentId')} 的取值：

${documentTable()}
`
}
