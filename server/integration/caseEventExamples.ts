// The review system's case events, as examples: one journey per claim of the example application
// (王秀英's 低保, 临时救助, 刚性支出困难, 失能老年人护理补贴 and 适老化改造), between them every status the
// review system sends, both kinds of decision, a replay and the refusals. docs/integration.md shows them (guide.ts), the API document uses
// them as request examples, and a test sends each to a running server.
import type { CaseEvent } from '@/domain/claims'
import type { BenefitId } from '@/domain/policy/rules/types'

/** The shell variable holding the claim an example acts on. */
export const CLAIM_VARIABLE = 'CLAIM_ID'
const CLAIM = `$${CLAIM_VARIABLE}`

/**
 * A step of a journey: an event the server takes, one it refuses (409 from the status machine, or 422
 * for the wrong kind of decision), the replay of an earlier event, or an earlier event id reused for
 * other content (422).
 */
export type CaseStep =
  | { kind: 'event'; title: string; event: CaseEvent; cli?: string[] }
  | { kind: 'refused'; title: string; event: CaseEvent }
  | { kind: 'replay'; title: string; of: string }
  | { kind: 'reuse'; title: string; event: CaseEvent }

export interface CaseJourney {
  /** The claim of the example application it follows. */
  benefit: BenefitId
  title: string
  steps: CaseStep[]
}

/** Each example's event id names its step and claim, so running the examples again replays them. */
const eventId = (step: string) => `${step}-${CLAIM}`

const ACCEPTED: CaseEvent = {
  eventId: eventId('dibao-accepted'),
  claimId: CLAIM,
  status: 'accepted',
  at: '2026-03-03T09:30:00+08:00',
  note: '材料齐全，已受理。',
  office: { name: '坞城街道办事处', phone: '0351-7654321' },
}

const DIBAO_APPROVED: CaseEvent = {
  eventId: eventId('dibao-approved'),
  claimId: CLAIM,
  status: 'approved',
  at: '2026-03-28T16:00:00+08:00',
  decision: { payment: 'monthly', amountFen: 66900, startMonth: '2026-04' },
}

const RIGID_REJECTED: CaseEvent = { eventId: eventId('rigid-rejected'), claimId: CLAIM, status: 'rejected', at: '2026-03-10T11:00:00+08:00' }

export const CASE_JOURNEYS: readonly CaseJourney[] = [
  {
    benefit: 'dibao',
    title: '低保：受理、补正材料、核对、公示、批准（按月）、发放',
    steps: [
      {
        kind: 'event',
        title: '受理（accepted），告诉居民经办的街道和电话',
        event: ACCEPTED,
        cli: ['move', CLAIM, 'accepted', '--note', '材料齐全，已受理。', '--office', '坞城街道办事处', '--office-phone', '0351-7654321'],
      },
      { kind: 'replay', title: '重放：同一事件再发一次（网络重试），答复与第一次相同，什么也不改变', of: ACCEPTED.eventId },
      {
        kind: 'event',
        title: '补正材料（needs_info）：要一份材料、问一个问题，给出截止日期',
        event: {
          eventId: eventId('dibao-needs-info'),
          claimId: CLAIM,
          status: 'needs_info',
          at: '2026-03-05T10:00:00+08:00',
          requested: {
            items: [
              { kind: 'document', documentId: 'income_proof' },
              { kind: 'answer', question: '儿子每月给您多少生活费？' },
            ],
            dueDate: '2026-03-20',
          },
        },
        cli: ['ask', CLAIM, '--doc', 'income_proof', '--question', '儿子每月给您多少生活费？', '--due', '2026-03-20'],
      },
      {
        kind: 'event',
        title: '核对调查（verifying）：补充的材料收到了',
        event: { eventId: eventId('dibao-verifying'), claimId: CLAIM, status: 'verifying', at: '2026-03-12T15:00:00+08:00', note: '补充材料已收到，继续核对。' },
        cli: ['move', CLAIM, 'verifying', '--note', '补充材料已收到，继续核对。'],
      },
      {
        kind: 'refused',
        title: '冲突：低保必须先公示，核对后直接批准会被拒绝',
        event: { ...DIBAO_APPROVED, eventId: eventId('dibao-approved-before-notice'), at: '2026-03-20T09:00:00+08:00' },
      },
      {
        kind: 'event',
        title: '公示（public_notice）',
        event: { eventId: eventId('dibao-public-notice'), claimId: CLAIM, status: 'public_notice', at: '2026-03-20T09:00:00+08:00' },
        cli: ['move', CLAIM, 'public_notice'],
      },
      {
        kind: 'refused',
        title: '金额的种类不对：低保按月发放，给一次性金额会被拒绝',
        event: { ...DIBAO_APPROVED, eventId: eventId('dibao-approved-once'), decision: { payment: 'one_off', amountFen: 66900 } },
      },
      {
        kind: 'event',
        title: '批准（approved）：按月发放，每月金额（分）和起始月份',
        event: DIBAO_APPROVED,
        cli: ['move', CLAIM, 'approved', '--amount', '669', '--start', '2026-04'],
      },
      {
        kind: 'event',
        title: '发放中（paying）',
        event: { eventId: eventId('dibao-paying'), claimId: CLAIM, status: 'paying', at: '2026-04-10T08:00:00+08:00' },
        cli: ['move', CLAIM, 'paying'],
      },
    ],
  },
  {
    benefit: 'temporary_assistance',
    title: '临时救助：受理、核对、批准（一次性发放）',
    steps: [
      {
        kind: 'event',
        title: '受理（accepted）',
        event: { eventId: eventId('temporary-accepted'), claimId: CLAIM, status: 'accepted', at: '2026-03-03T09:40:00+08:00' },
        cli: ['move', CLAIM, 'accepted'],
      },
      {
        kind: 'event',
        title: '核对调查（verifying）',
        event: { eventId: eventId('temporary-verifying'), claimId: CLAIM, status: 'verifying', at: '2026-03-04T10:00:00+08:00' },
        cli: ['move', CLAIM, 'verifying'],
      },
      {
        kind: 'event',
        title: '批准（approved）：一次性发放的补助只给一次的金额',
        event: {
          eventId: eventId('temporary-approved'),
          claimId: CLAIM,
          status: 'approved',
          at: '2026-03-10T11:00:00+08:00',
          decision: { payment: 'one_off', amountFen: 150000 },
          note: '因病住院的急难情形，给予一次性临时救助。',
        },
        cli: ['move', CLAIM, 'approved', '--once', '1500', '--note', '因病住院的急难情形，给予一次性临时救助。'],
      },
    ],
  },
  {
    benefit: 'rigid_expense',
    title: '刚性支出困难家庭：受理、核对、未获批准',
    steps: [
      {
        kind: 'event',
        title: '受理（accepted）',
        event: { eventId: eventId('rigid-accepted'), claimId: CLAIM, status: 'accepted', at: '2026-03-03T09:45:00+08:00' },
        cli: ['move', CLAIM, 'accepted'],
      },
      {
        kind: 'event',
        title: '核对调查（verifying）',
        event: { eventId: eventId('rigid-verifying'), claimId: CLAIM, status: 'verifying', at: '2026-03-04T10:30:00+08:00' },
        cli: ['move', CLAIM, 'verifying'],
      },
      {
        kind: 'event',
        title: '未获批准（rejected）：必须写明原因',
        event: { ...RIGID_REJECTED, reason: '近 12 个月的医疗支出在医保报销后，没有超过家庭年收入的规定比例。' },
        cli: ['move', CLAIM, 'rejected', '--reason', '近 12 个月的医疗支出在医保报销后，没有超过家庭年收入的规定比例。'],
      },
      {
        kind: 'reuse',
        title: '同一 eventId、内容不同：拒绝，不会当作重放',
        event: { ...RIGID_REJECTED, reason: '家庭人均收入高于当地标准。' },
      },
    ],
  },
  {
    benefit: 'elderly_care_subsidy',
    title: '失能老年人护理补贴：居民到窗口撤回',
    steps: [
      {
        kind: 'event',
        title: '撤回（withdrawn）：受理前后、决定之前都可以',
        event: {
          eventId: eventId('care-withdrawn'),
          claimId: CLAIM,
          status: 'withdrawn',
          at: '2026-03-06T14:20:00+08:00',
          reason: '本人到街道窗口说明：已搬到女儿家居住，暂不申请。',
        },
        cli: ['move', CLAIM, 'withdrawn', '--reason', '本人到街道窗口说明：已搬到女儿家居住，暂不申请。'],
      },
    ],
  },
  {
    benefit: 'home_modification_subsidy',
    title: '适老化改造：受理后转给其他部门',
    steps: [
      {
        kind: 'event',
        title: '受理（accepted）',
        event: { eventId: eventId('home-accepted'), claimId: CLAIM, status: 'accepted', at: '2026-03-03T09:50:00+08:00' },
        cli: ['move', CLAIM, 'accepted'],
      },
      {
        kind: 'event',
        title: '转办（referred）：由另一个部门接手',
        event: {
          eventId: eventId('home-referred'),
          claimId: CLAIM,
          status: 'referred',
          at: '2026-03-09T10:30:00+08:00',
          reason: '改造由县住房和城乡建设局统一组织，已转交。',
        },
        cli: ['move', CLAIM, 'referred', '--reason', '改造由县住房和城乡建设局统一组织，已转交。'],
      },
    ],
  },
]

/** A well-formed claim id that no claim has. */
export const UNKNOWN_CLAIM_ID = '00000000-0000-4000-8000-000000000000'

/** A rejection without its reason: refused (400) whatever the claim. */
export const EVENT_WITHOUT_REASON: CaseEvent = { eventId: eventId('rejected-without-reason'), claimId: CLAIM, status: 'rejected' }

/** An event for a claim that does not exist (404). */
export const EVENT_FOR_UNKNOWN_CLAIM: CaseEvent = { eventId: 'accepted-unknown-claim', claimId: UNKNOWN_CLAIM_ID, status: 'accepted' }

/** Replaces the `$CLAIM_ID` of an example with a claim id. */
export function withClaimId<T>(value: T, claimId: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(CLAIM, claimId)) as T
}
