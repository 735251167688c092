// What the civil-affairs review system sends to `POST /api/v1/case-events` (signed with HMAC-SHA256 over
// the exact bytes, `X-Signature: sha256=<hex>`), and what it gets back.
import { z } from 'zod'
import { ClaimStatusSchema } from '../application/claims'
import { DOCUMENT_IDS } from '../documents'
import { DecisionInputSchema } from './decisions'

export const CASE_EVENT_SIGNATURE_HEADER = 'x-signature'

export const RequestedItemSchema = z
  .object({
    kind: z.enum(['document', 'answer']).describe('document：补交一份材料；answer：回答一个问题'),
    /** For a document: which checklist document (e.g. `income_proof`). */
    documentId: z.enum(DOCUMENT_IDS).optional().describe('要补的材料（kind 为 document 时必填），材料编号见下表'),
    /** For an answer (or to explain a document): the question, in plain words. */
    question: z.string().trim().min(1).max(500).optional().describe('要居民回答的问题，或对材料的说明，用居民听得懂的话（kind 为 answer 时必填）'),
  })
  .superRefine((item, ctx) => {
    if (item.kind === 'document' && !item.documentId) ctx.addIssue({ code: 'custom', path: ['documentId'], message: '要补的材料需要写明是哪一份' })
    if (item.kind === 'answer' && !item.question) ctx.addIssue({ code: 'custom', path: ['question'], message: '需要回答的问题不能为空' })
  })
export type RequestedItem = z.infer<typeof RequestedItemSchema>

export const InfoRequestSchema = z.object({
  items: z.array(RequestedItemSchema).min(1).max(20).describe('要补的材料和问题，1 到 20 项'),
  /** The last day to supply them (YYYY-MM-DD, Asia/Shanghai). */
  dueDate: z.iso.date().describe('最后提交日期（YYYY-MM-DD，北京时间）'),
})
export type InfoRequest = z.infer<typeof InfoRequestSchema>

/** The township (street) office handling a claim, as the review system names it when it accepts one. */
export const OfficeSchema = z.object({
  name: z.string().trim().min(1).max(60).describe('乡镇人民政府（街道办事处）的名称'),
  /** A landline with its area code (0351-7654321) or a mobile number. */
  phone: z
    .string()
    .trim()
    .regex(/^(0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|12345)$/, '电话应为带区号的固话（如 0351-7654321）或手机号')
    .describe('居民可以拨打的电话：带区号的固话（0351-7654321）或手机号'),
})
export type Office = z.infer<typeof OfficeSchema>

export const CaseEventSchema = z
  .object({
    /** The review system's id of this event: the same id again is a replay. */
    eventId: z.string().trim().min(1).max(128).describe('审核系统给这个事件的编号（最长 128 个字符）：同一编号再次发送是重放'),
    claimId: z.uuid().describe('申请事项（一项补助）的编号，来自拉取的列表'),
    status: ClaimStatusSchema.describe('申请事项的新状态，能从哪个状态变到哪个状态见状态表'),
    /** When it happened (ISO 8601 instant); the time received when absent. */
    at: z.iso.datetime({ offset: true }).optional().describe('发生的时间（ISO 8601，带时区，如 2026-03-03T09:30:00+08:00）；不给则为收到的时间'),
    /** A plain-language note for the timeline; a note is written for each status when absent. */
    note: z.string().trim().min(1).max(500).optional().describe('写进进度记录、给居民看的说明（最长 500 字）；每个状态本来就有一句说明，这里的说明接在后面'),
    /** Why: required for rejected, allowed for withdrawn and referred. */
    reason: z.string().trim().min(1).max(500).optional().describe('原因（最长 500 字）：未获批准（rejected）必填，撤回（withdrawn）和转办（referred）可填'),
    requested: InfoRequestSchema.optional().describe('要补充的材料或问题和截止日期：补正材料（needs_info）必填，其他状态不能带'),
    /** With `approved`: a monthly amount from a start month, or a one-off amount (by the benefit). */
    decision: DecisionInputSchema.optional().describe('批准的金额：已批准（approved）必填，其他状态不能带；按月发放的补助给每月金额和起始月份，一次性发放的给一次的金额'),
    /** The office handling the claim from now on (usually sent with `accepted`), so the applicant can call it. */
    office: OfficeSchema.optional().describe('从此经办的乡镇（街道）和电话，居民在进度页可以直接拨打；通常随已受理（accepted）发送'),
  })
  .superRefine((event, ctx) => {
    if (event.status === 'rejected' && !event.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '未获批准必须写明原因' })
    if (event.status === 'needs_info' && !event.requested) ctx.addIssue({ code: 'custom', path: ['requested'], message: '补正材料必须列出要补的材料或问题和截止日期' })
    if (event.status !== 'needs_info' && event.requested) ctx.addIssue({ code: 'custom', path: ['requested'], message: '只有补正材料（needs_info）才能列出要补的内容' })
    if (event.status === 'approved' && !event.decision) ctx.addIssue({ code: 'custom', path: ['decision'], message: '批准必须给出金额：按月发放的给出每月金额和起始月份，一次性发放的给出金额' })
    if (event.status !== 'approved' && event.decision) ctx.addIssue({ code: 'custom', path: ['decision'], message: '只有批准（approved）才带有金额' })
  })
export type CaseEvent = z.infer<typeof CaseEventSchema>

export const CaseEventResultSchema = z.object({
  eventId: z.string(),
  claimId: z.string(),
  applicationId: z.string(),
  previousStatus: ClaimStatusSchema,
  status: ClaimStatusSchema,
  statusLabel: z.string(),
  note: z.string(),
  at: z.iso.datetime(),
})
export type CaseEventResult = z.infer<typeof CaseEventResultSchema>

/** A signed request for the list of claims (the development review system's `list`). */
export const CaseClaimListRequestSchema = z.object({ requestedAt: z.iso.datetime().describe('现在的时间（ISO 8601，UTC，如 2026-03-03T01:30:00Z），与服务器时钟相差不能超过 5 分钟') })

export const CaseClaimListSchema = z.object({
  claims: z.array(
    z.object({
      claimId: z.string(),
      applicationId: z.string(),
      benefit: z.string(),
      status: ClaimStatusSchema,
      statusLabel: z.string(),
      updatedAt: z.iso.datetime(),
    }),
  ),
})
export type CaseClaimList = z.infer<typeof CaseClaimListSchema>
