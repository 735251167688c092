// `GET /applications/:id`: the application as its owner or an invited relative sees it, with each
// claim's request (needs_info), decision and office, the next action asked of the applicant and, for
// the owner, who follows it. A viewer's copy masks names and leaves out the street address, income,
// assets and decided amounts; its record says what happened in general words, and what is asked of
// the applicant without the reviewer's questions or the applicant's answers.
import { CLAIM_STATUS_LABELS } from '@/domain/application'
import { DecisionSchema, generalNote, nextActionOf, type ApplicationDetail, type ClaimDetail, type ClaimEventDetails, type Viewer } from '@/domain/claims'
import { documentName } from '@/domain/documents'
import { maskName } from '@/domain/masking'
import type { ClaimStatus } from '@/domain/application'
import type { FieldCrypto } from '../crypto'
import type { Queryable } from '../db'
import { notFound } from '../errors'
import { requireRole, type ApplicationRole } from './access'
import { loadApplication, projectApplication, type ApplicationRecord, type ClaimRecord } from './records'

/** The details of the claim's latest entry with `status`, when it has one. */
function latest(claim: ClaimRecord, status: ClaimStatus): ClaimEventDetails | null {
  for (let index = claim.events.length - 1; index >= 0; index -= 1) {
    if (claim.events[index].status === status) return claim.events[index].details
  }
  return null
}

function requestedOf(claim: ClaimRecord): ClaimDetail['requested'] {
  if (claim.status !== 'needs_info') return null
  const requested = latest(claim, 'needs_info')?.requested
  if (!requested) return null
  return {
    dueDate: requested.dueDate,
    items: requested.items.map((item) => ({
      kind: item.kind,
      ...(item.documentId ? { documentId: item.documentId, documentName: documentName(item.documentId) } : {}),
      ...(item.question ? { question: item.question } : {}),
    })),
  }
}

function decisionOf(claim: ClaimRecord): ClaimDetail['decision'] {
  if (claim.status !== 'approved' && claim.status !== 'paying') return null
  const decision = DecisionSchema.safeParse(latest(claim, 'approved')?.decision)
  return decision.success ? decision.data : null
}

export function projectDetail(record: ApplicationRecord, role: ApplicationRole, viewers: readonly Viewer[]): ApplicationDetail {
  const base = projectApplication(record)
  const byId = new Map(record.claims.map((claim) => [claim.id, claim]))
  const claims: ClaimDetail[] = base.claims.map((claim) => {
    const stored = byId.get(claim.id)
    return {
      ...claim,
      requested: stored ? requestedOf(stored) : null,
      decision: stored ? decisionOf(stored) : null,
      office: stored?.office ?? null,
    }
  })
  const detail: ApplicationDetail = { ...base, role, claims, nextAction: nextActionOf(claims), viewers: role === 'owner' ? [...viewers] : [] }
  return role === 'owner' ? detail : maskedForViewer(detail, byId)
}

/** A claim as family following it read it: its statuses in general words, what is asked without the questions, no amount. */
function claimForViewer(claim: ClaimDetail, stored: ClaimRecord | undefined): ClaimDetail {
  return {
    ...claim,
    timeline: (stored?.events ?? []).map((event) => ({
      status: event.status,
      statusLabel: CLAIM_STATUS_LABELS[event.status],
      note: generalNote(event.status, claim.benefit, event.details),
      at: event.at.toISOString(),
    })),
    requested: claim.requested && { ...claim.requested, items: claim.requested.items.map(({ question: _question, ...item }) => item) },
    decision: null,
  }
}

/** Family follow progress: they see who and where in outline, never the household's finances or private exchanges. */
function maskedForViewer(detail: ApplicationDetail, stored: ReadonlyMap<string, ClaimRecord>): ApplicationDetail {
  return {
    ...detail,
    claims: detail.claims.map((claim) => claimForViewer(claim, stored.get(claim.id))),
    applicant: detail.applicant.kind === 'relative' ? { ...detail.applicant, name: maskName(detail.applicant.name) } : detail.applicant,
    beneficiary: { ...detail.beneficiary, name: maskName(detail.beneficiary.name), address: { ...detail.beneficiary.address, detail: '' } },
    members: detail.members.map((member) => ({ ...member, name: maskName(member.name) })),
    income: null,
    assets: null,
    consents: { ...detail.consents, economicCheck: detail.consents.economicCheck.map((confirmation) => ({ ...confirmation, name: maskName(confirmation.name) })) },
  }
}

/** Who follows the application now (revoked viewers are gone at once), oldest first. */
export async function activeViewers(db: Queryable, applicationId: string): Promise<Viewer[]> {
  const found = await db.query<{ id: string; label: string; accepted_at: Date }>(
    'SELECT id, label, accepted_at FROM application_viewers WHERE application_id = $1 AND revoked_at IS NULL ORDER BY accepted_at, id',
    [applicationId],
  )
  return found.rows.map((row) => ({ id: row.id, label: row.label, acceptedAt: row.accepted_at.toISOString() }))
}

/** The application as `userId` may see it; 404 when they may not (or it does not exist). */
export async function readDetail(db: Queryable, crypto: FieldCrypto, userId: string, applicationId: string): Promise<ApplicationDetail> {
  const role = await requireRole(db, userId, applicationId)
  const [record, viewers] = await Promise.all([loadApplication(db, crypto, applicationId), role === 'owner' ? activeViewers(db, applicationId) : []])
  if (!record) throw notFound()
  return projectDetail(record, role, viewers)
}
