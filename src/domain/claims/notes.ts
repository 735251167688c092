// The plain-language note of each timeline entry. The applicant reads the full note: what exactly is asked,
// the amount decided, the reason given. Family following the application read general words only: the
// status and what is asked of the applicant, never the household's own questions, answers, amounts or
// reasons (`generalNote`).
import type { ClaimStatus } from '../application/claims'
import { documentName, type DocumentId } from '../documents'
import { yuanFromFen } from '../policy/money'
import type { BenefitId } from '../policy/rules/types'
import type { CaseEvent, InfoRequest } from './caseEvents'
import { decisionOf, paymentOf, type Decision } from './decisions'
import { formatFullDate, formatMonth } from './tracking'

/** What came with a status change, as stored with the timeline entry. */
export interface ClaimEventDetails {
  reason?: string
  requested?: InfoRequest
  decision?: Decision
  /** What the applicant supplied (needs_info → verifying by the applicant). */
  supplement?: unknown
}

/** The timeline's first note. */
export const SUBMITTED_NOTE = '申请已在线提交，等待乡镇人民政府（街道办事处）受理。'

/** The owner withdrew the claim, with the reason they gave, if any. */
export const withdrawnNote = (reason?: string): string => (reason ? `您已撤回这一项申请。原因：${reason}` : '您已撤回这一项申请。')

/** The owner answered a request: how many files and answers, then their own note. */
export function supplementNote(files: number, answers: number, note?: string): string {
  const parts = ['您已补充材料，继续核对调查。']
  if (files > 0) parts.push(`上传 ${files} 个文件。`)
  if (answers > 0) parts.push(`回答 ${answers} 个问题。`)
  if (note) parts.push(note)
  return parts.join('')
}

/** A requested document by name; a request that names none asks for 材料. */
const askedDocument = (id: DocumentId | undefined) => (id ? documentName(id) : '材料')

/** Sentences end with a full stop unless they already end with their own mark. */
const sentence = (text: string) => (/[。？！?!]$/.test(text) ? text : `${text}。`)

/** What is asked, in general words: the documents by name and how many questions, with the due date. */
function askedInGeneral(requested: InfoRequest | undefined): string {
  const items = requested?.items ?? []
  const documents = [...new Set(items.filter((item) => item.kind === 'document').map((item) => askedDocument(item.documentId)))]
  const questions = items.filter((item) => item.kind === 'answer').length
  const parts = [...(documents.length > 0 ? [documents.join('、')] : []), ...(questions > 0 ? [`回答 ${questions} 个问题`] : [])]
  return `需要申请人补充：${parts.join('，并')}，请在 ${requested ? formatFullDate(requested.dueDate) : ''}前提交。`
}

/** The words true of every change to `status`, whatever the review system or the applicant added. */
export function generalNote(status: ClaimStatus, benefit: BenefitId, details: ClaimEventDetails | null): string {
  const oneOff = paymentOf(benefit) === 'one_off'
  switch (status) {
    case 'submitted':
      return SUBMITTED_NOTE
    case 'accepted':
      return '乡镇（街道）已受理申请。'
    case 'verifying':
      return details?.supplement ? '申请人已补充材料，继续核对调查。' : '开始核对家庭经济状况，可能会入户调查。'
    case 'needs_info':
      return askedInGeneral(details?.requested)
    case 'public_notice':
      return '审核结果在村（居）委会公示。'
    case 'approved':
      return oneOff ? '已批准，补助一次性发放。' : '已批准，补助按月发放。'
    case 'rejected':
      return '未获批准，原因已告知申请人。'
    case 'paying':
      return oneOff ? '补助正在发放。' : '补助已开始按月发放。'
    case 'withdrawn':
      return '申请已撤回。'
    case 'referred':
      return '已转给其他部门办理。'
  }
}

/** The amount decided, in words: `每月 669 元，自 2026 年 4 月起发放` or `一次性发放 6000 元`. */
export function decisionText(decision: Decision): string {
  const amount = yuanFromFen(decision.amountFen)
  return decision.payment === 'monthly' ? `每月 ${amount} 元，自 ${formatMonth(decision.startMonth)}起发放` : `一次性发放 ${amount} 元`
}

/** The applicant's note for a review-system event: exactly what is asked or decided and why, then the reviewer's own note. */
export function timelineNote(event: CaseEvent, benefit: BenefitId): string {
  const parts: string[] = []
  switch (event.status) {
    case 'needs_info': {
      const items = (event.requested?.items ?? []).map((item) =>
        item.kind === 'document' ? `${askedDocument(item.documentId)}${item.question ? `（${item.question}）` : ''}` : `回答：${item.question ?? ''}`,
      )
      parts.push(`${sentence(`需要补充：${items.join('；')}`)}请在 ${event.requested ? formatFullDate(event.requested.dueDate) : ''}前提交。`)
      break
    }
    case 'approved':
      parts.push(event.decision ? sentence(`已批准，${decisionText(decisionOf(event.decision))}`) : generalNote('approved', benefit, null))
      break
    case 'rejected':
      parts.push(`未获批准。原因：${event.reason ?? ''}`)
      break
    default:
      parts.push(generalNote(event.status, benefit, null))
  }
  if (event.reason && event.status !== 'rejected') parts.push(`原因：${event.reason}`)
  if (event.note) parts.push(event.note)
  return parts.join(' ')
}
