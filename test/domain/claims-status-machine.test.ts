// The claim status machine: every (from, to, benefit) triple of the full cross product is checked
// against the rules of shared/API.md, written out here independently of the table.
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimStatus } from '@/domain/application'
import { CLAIM_STATUS_EXPLANATIONS, CLAIM_TRANSITIONS, ONE_OFF_BENEFITS, PUBLIC_NOTICE_BENEFITS, canTransition, explanationOf, expectedNextStatus, needsPublicNotice } from '@/domain/claims'
import { BENEFIT_IDS, type BenefitId } from '@/domain/policy/rules/types'

const UNDECIDED: ClaimStatus[] = ['submitted', 'accepted', 'verifying', 'needs_info', 'public_notice']

/** API.md's rules, stated as a predicate rather than a table. */
function expected(from: ClaimStatus, to: ClaimStatus, benefit: BenefitId): boolean {
  const withNotice = PUBLIC_NOTICE_BENEFITS.includes(benefit)
  if (from === to) return false
  if ((to === 'withdrawn' || to === 'referred') && UNDECIDED.includes(from)) return from !== 'public_notice' || withNotice
  switch (`${from}>${to}`) {
    case 'submitted>accepted':
    case 'accepted>verifying':
    case 'accepted>needs_info':
    case 'verifying>needs_info':
    case 'verifying>rejected':
    case 'needs_info>verifying':
    case 'approved>paying':
      return true
    case 'verifying>public_notice':
    case 'public_notice>approved':
    case 'public_notice>rejected':
      return withNotice
    case 'verifying>approved':
      return !withNotice
    default:
      return false
  }
}

/** Where a claim for `benefit` may go from `from`, by the table. */
const nextStatuses = (from: ClaimStatus, benefit: BenefitId) => CLAIM_STATUSES.filter((to) => canTransition(from, to, benefit))

/** The statuses a claim for `benefit` can be in at all: those reachable from submitted. */
function reachableFor(benefit: BenefitId): ClaimStatus[] {
  const reached = new Set<ClaimStatus>(['submitted'])
  for (let round = 0; round < CLAIM_STATUSES.length; round += 1) for (const from of [...reached]) for (const to of nextStatuses(from, benefit)) reached.add(to)
  return CLAIM_STATUSES.filter((status) => reached.has(status))
}

const triples = CLAIM_STATUSES.flatMap((from) => CLAIM_STATUSES.flatMap((to) => BENEFIT_IDS.map((benefit) => [from, to, benefit] as const)))
const allowed = triples.filter(([from, to, benefit]) => expected(from, to, benefit))
const refused = triples.filter(([from, to, benefit]) => !expected(from, to, benefit))

describe('claim status machine', () => {
  test('the cross product covers every status pair for every benefit', () => {
    expect(triples).toHaveLength(CLAIM_STATUSES.length ** 2 * BENEFIT_IDS.length)
    expect(allowed.length + refused.length).toBe(triples.length)
    expect(allowed.length).toBeGreaterThan(0)
  })

  test.each(allowed)('allowed: %s → %s (%s)', (from, to, benefit) => {
    expect(canTransition(from, to, benefit)).toBe(true)
  })

  test.each(refused)('refused: %s → %s (%s)', (from, to, benefit) => {
    expect(canTransition(from, to, benefit)).toBe(false)
  })

  test('the table names only real statuses, and the final statuses are exactly rejected, paying, withdrawn, referred', () => {
    for (const [from, targets] of Object.entries(CLAIM_TRANSITIONS)) {
      expect(CLAIM_STATUSES).toContain(from)
      for (const to of Object.keys(targets)) expect(CLAIM_STATUSES).toContain(to)
    }
    expect(CLAIM_STATUSES.filter((status) => Object.keys(CLAIM_TRANSITIONS[status]).length === 0)).toEqual(['rejected', 'paying', 'withdrawn', 'referred'])
  })

  test('every status has its label and a plain explanation: what is happening, what to do, how long', () => {
    for (const status of CLAIM_STATUSES) {
      const explanation = CLAIM_STATUS_EXPLANATIONS[status]
      expect(explanation.label).toBe(CLAIM_STATUS_LABELS[status])
      for (const text of [explanation.happening, explanation.yourPart, explanation.duration]) expect(text).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  test('a benefit paid once is never explained as paid monthly; a monthly one is; 已受理 claims nothing about the documents', () => {
    for (const benefit of BENEFIT_IDS) {
      const words = CLAIM_STATUSES.map((status) => Object.values(explanationOf(status, benefit)).join('')).join('')
      if (ONE_OFF_BENEFITS.includes(benefit)) expect(words).not.toMatch(/每月|按月/)
      else expect(explanationOf('paying', benefit).happening).toContain('按月')
    }
    expect(ONE_OFF_BENEFITS).toEqual(['home_modification_subsidy', 'dream_scholarship', 'temporary_assistance'])
    expect(Object.values(CLAIM_STATUS_EXPLANATIONS.accepted).join('')).not.toMatch(/齐全|齐备/)
  })

  test('every status is reachable from submitted, for some benefit; 公示 only for dibao, tekun and dibao_edge', () => {
    expect(CLAIM_STATUSES.filter((status) => BENEFIT_IDS.some((benefit) => reachableFor(benefit).includes(status)))).toEqual([...CLAIM_STATUSES])
    expect(BENEFIT_IDS.filter((benefit) => reachableFor(benefit).includes('public_notice'))).toEqual(['dibao', 'tekun', 'dibao_edge'])
  })

  test('the step shown as “下一步” is always an allowed one, and following it from submitted reaches paying', () => {
    for (const benefit of BENEFIT_IDS) {
      const path: ClaimStatus[] = ['submitted']
      // Only the statuses a claim for this benefit can be in: 公示 never happens to the others.
      for (const from of reachableFor(benefit)) {
        const next = expectedNextStatus(from, benefit)
        if (next !== null) expect([from, next, benefit, canTransition(from, next, benefit)]).toEqual([from, next, benefit, true])
        else expect([from, nextStatuses(from, benefit).filter((to) => to !== 'withdrawn' && to !== 'referred' && to !== 'rejected')]).toEqual([from, []])
      }
      for (let next = expectedNextStatus('submitted', benefit); next !== null; next = expectedNextStatus(next, benefit)) path.push(next)
      expect(path).toEqual(
        needsPublicNotice(benefit)
          ? ['submitted', 'accepted', 'verifying', 'public_notice', 'approved', 'paying']
          : ['submitted', 'accepted', 'verifying', 'approved', 'paying'],
      )
    }
  })
})
