// The claim status machine of shared/API.md ("Claim status"), shared by the app and the server: one
// declared table of allowed transitions, and what each status means to the resident.
//
// The rules, read from API.md and decided here:
// - submitted → accepted (受理). Nothing else happens before the township office accepts the claim.
// - accepted → verifying (核对调查) or needs_info (补正材料).
// - verifying → needs_info, rejected, public_notice (公示) or approved.
//   public_notice is only for dibao, tekun and dibao_edge, and for those three it is mandatory:
//   they are approved only after 公示 (verifying → approved is refused for them). Every other benefit
//   never goes through public_notice and is approved straight from verifying.
// - needs_info → verifying, once the applicant supplies what was asked (or the reviewer resumes).
// - public_notice → approved or rejected (an objection upheld during 公示 ends in rejected).
// - approved → paying. approved is a decision: it cannot be withdrawn or referred any more.
// - withdrawn: from every state before a decision (submitted, accepted, verifying, needs_info, public_notice).
// - referred (转办): from the same undecided states; another department takes the claim over.
// - rejected, paying, withdrawn and referred are final: nothing leaves them.
// - A status never moves to itself.
import type { BenefitId } from '../policy/rules/types'
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '../application/claims'
import { paymentOf } from './decisions'

/** The benefits whose claims go through 公示 (public notice) before approval. */
export const PUBLIC_NOTICE_BENEFITS: readonly BenefitId[] = ['dibao', 'tekun', 'dibao_edge']

export function needsPublicNotice(benefit: BenefitId): boolean {
  return PUBLIC_NOTICE_BENEFITS.includes(benefit)
}

/** Which benefits a transition applies to: all of them, only those with 公示, or only those without. */
export type TransitionScope = 'all' | 'public_notice_benefits' | 'other_benefits'

/** THE table: every allowed transition, with the benefits it applies to. Anything not listed is refused. */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, Readonly<Partial<Record<ClaimStatus, TransitionScope>>>>> = {
  submitted: { accepted: 'all', withdrawn: 'all', referred: 'all' },
  accepted: { verifying: 'all', needs_info: 'all', withdrawn: 'all', referred: 'all' },
  verifying: {
    public_notice: 'public_notice_benefits',
    approved: 'other_benefits',
    rejected: 'all',
    needs_info: 'all',
    withdrawn: 'all',
    referred: 'all',
  },
  needs_info: { verifying: 'all', withdrawn: 'all', referred: 'all' },
  public_notice: { approved: 'public_notice_benefits', rejected: 'public_notice_benefits', withdrawn: 'public_notice_benefits', referred: 'public_notice_benefits' },
  approved: { paying: 'all' },
  rejected: {},
  paying: {},
  withdrawn: {},
  referred: {},
}

function inScope(scope: TransitionScope, benefit: BenefitId): boolean {
  if (scope === 'all') return true
  return scope === 'public_notice_benefits' ? needsPublicNotice(benefit) : !needsPublicNotice(benefit)
}

/** Whether a claim for `benefit` may move from `from` to `to`. */
export function canTransition(from: ClaimStatus, to: ClaimStatus, benefit: BenefitId): boolean {
  const scope = CLAIM_TRANSITIONS[from][to]
  return scope !== undefined && inScope(scope, benefit)
}

/**
 * The step a claim usually takes next, to tell the resident what comes after the current one:
 * submitted → accepted → verifying → (公示 for dibao, tekun, dibao_edge) → approved → paying, and
 * needs_info back to verifying. Null when the claim is decided or closed.
 */
export function expectedNextStatus(from: ClaimStatus, benefit: BenefitId): ClaimStatus | null {
  switch (from) {
    case 'submitted':
      return 'accepted'
    case 'accepted':
    case 'needs_info':
      return 'verifying'
    case 'verifying':
      return needsPublicNotice(benefit) ? 'public_notice' : 'approved'
    case 'public_notice':
      // Only the three benefits with 公示 are ever in it.
      return 'approved'
    case 'approved':
      return 'paying'
    default:
      return null
  }
}

export interface ClaimStatusExplanation {
  /** The short label shown on the status chip. */
  label: string
  /** What is happening now, in plain words. */
  happening: string
  /** What the person may need to do (or that nothing is needed). */
  yourPart: string
  /** Roughly how long this step takes. */
  duration: string
}

/** For each status: the resident-facing label and a plain zh-CN explanation. */
export const CLAIM_STATUS_EXPLANATIONS: Readonly<Record<ClaimStatus, ClaimStatusExplanation>> = {
  submitted: {
    label: CLAIM_STATUS_LABELS.submitted,
    happening: '申请已在线提交，正等待乡镇人民政府（街道办事处）接收和受理。',
    yourPart: '不用做什么。请保持电话畅通，工作人员可能会打电话核实。',
    duration: '一般 5 个工作日内受理。',
  },
  accepted: {
    label: CLAIM_STATUS_LABELS.accepted,
    happening: '乡镇（街道）已受理申请，接下来会审核材料、核对家庭经济状况。',
    yourPart: '还没交的材料可以带到乡镇（街道）。需要补充时，这里会写明要补什么和截止日期。',
    duration: '通常几天内进入核对调查。',
  },
  verifying: {
    label: CLAIM_STATUS_LABELS.verifying,
    happening: '工作人员正在核对家庭收入和财产，可能会上门走访或邻里走访。',
    yourPart: '请配合入户调查，如实回答问题；家中有变化请及时告知。',
    duration: '一般需要 2 到 4 周。',
  },
  needs_info: {
    label: CLAIM_STATUS_LABELS.needs_info,
    happening: '审核中发现还缺少材料或需要说明，审核已暂停，等您补充。',
    yourPart: '请在截止日期前上传所要的材料或回答问题；补充后会继续审核。',
    duration: '补充后通常几天内恢复审核；逾期未补可能影响办理。',
  },
  public_notice: {
    label: CLAIM_STATUS_LABELS.public_notice,
    happening: '审核结果正在村（居）委会公示，接受群众监督。',
    yourPart: '不用做什么。公示期间如有异议，工作人员会再核实。',
    duration: '公示期为 7 天。',
  },
  approved: {
    label: CLAIM_STATUS_LABELS.approved,
    happening: '县级民政部门已批准您的申请。',
    yourPart: '不用做什么。请确认银行卡（社保卡）信息正确，以便按时发放。',
    duration: '一般在下个月开始发放。',
  },
  rejected: {
    label: CLAIM_STATUS_LABELS.rejected,
    happening: '申请未获批准，原因会写在进度记录里。',
    yourPart: '如有疑问，可以打电话问乡镇（街道）；情况变化后可以重新申请，对决定不服可依法申请复议。',
    duration: '这一项已办结。',
  },
  paying: {
    label: CLAIM_STATUS_LABELS.paying,
    happening: '补助正在按月发放到您的银行卡（社保卡）。',
    yourPart: '家庭收入、人口或住址有变化时，请主动告知乡镇（街道）。',
    duration: '按月发放，定期复核。',
  },
  withdrawn: {
    label: CLAIM_STATUS_LABELS.withdrawn,
    happening: '这一项申请已经撤回，不再审核。',
    yourPart: '不用做什么。需要时可以重新申请。',
    duration: '这一项已办结。',
  },
  referred: {
    label: CLAIM_STATUS_LABELS.referred,
    happening: '这一项已转给更合适的部门办理。',
    yourPart: '接手的部门会联系您；有疑问可以打电话问乡镇（街道）。',
    duration: '由接手部门决定，通常 1 到 2 周内联系您。',
  },
}

/** What changes for a benefit paid once (适老化改造, 圆梦助学, 临时救助): nothing is paid month by month. */
const ONE_OFF_EXPLANATIONS: Readonly<Partial<Record<ClaimStatus, Partial<ClaimStatusExplanation>>>> = {
  approved: { duration: '一般在一个月内发放。' },
  paying: {
    happening: '补助正在一次性发放到您的银行卡（社保卡）。',
    yourPart: '请留意银行卡（社保卡）的到账信息；有疑问可以打电话问乡镇（街道）。',
    duration: '一次性发放，到账后这一项就办完了。',
  },
}

/** The explanation of `status` for a claim for `benefit`: a one-off benefit is never described as paid monthly. */
export function explanationOf(status: ClaimStatus, benefit: BenefitId): ClaimStatusExplanation {
  const base = CLAIM_STATUS_EXPLANATIONS[status]
  return paymentOf(benefit) === 'one_off' ? { ...base, ...ONE_OFF_EXPLANATIONS[status] } : base
}
