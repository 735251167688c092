// An application as stored (tables of migration 020) and as answered (ApplicationResponse). The answer
// is projected field by field from the record, the same way right after submitting and when read
// later, with ID numbers and phones masked.
import { randomUUID } from 'node:crypto'
import {
  CLAIM_STATUS_LABELS,
  INCOME_SOURCES,
  householdPeople,
  missingDocuments,
  nextStepsFor,
  type ApplicationReference,
  type ApplicationRequest,
  type ApplicationResponse,
  type ApplicationSummary,
  type ClaimStatus,
  type KinRelation,
} from '@/domain/application'
import { placeName } from '@/domain/care/regions'
import { DOCUMENT_IDS, documentName, type DocumentId } from '@/domain/documents'
import { maskIdNumber, maskName, maskPhone } from '@/domain/masking'
import { SUBMITTED_NOTE, nextActionOf, orderForList, type ClaimEventDetails, type Office } from '@/domain/claims'
import { benefitName, type BenefitId } from '@/domain/policy/rules'
import type { FieldCrypto } from '../crypto'
import type { Queryable } from '../db'

/** Contexts bound to each sealed column (a value copied to another column does not decrypt there). */
export const SEALED = {
  response: 'applications.response',
  idNumber: 'application_people.id_number',
  phone: 'application_people.phone',
  addressDetail: 'application_people.address_detail',
} as const

/** The keyed hash of a (normalised) ID number, for finding a person's claims without decrypting. */
export function idNumberHash(crypto: FieldCrypto, idNumber: string): string {
  return crypto.lookupHash(idNumber, SEALED.idNumber)
}

/** What was applied for: the request without the screener's answers. */
export type ApplicationContent = Omit<ApplicationRequest, 'screening'>

export interface ClaimEventRecord {
  status: ClaimStatus
  note: string
  at: Date
  details: ClaimEventDetails | null
}

export interface ClaimRecord {
  id: string
  benefit: BenefitId
  status: ClaimStatus
  /** The office handling it, once the review system has named one. */
  office: Office | null
  events: ClaimEventRecord[]
}

export interface ApplicationRecord {
  id: string
  /** 申请编号, e.g. `JX20261205-K7QM`. */
  reference: ApplicationReference
  createdAt: Date
  content: ApplicationContent
  claims: ClaimRecord[]
}

/** A new application's record: one claim per benefit, each `submitted` with its timeline started. */
export function newApplicationRecord(request: ApplicationRequest, now: Date, reference: ApplicationReference): ApplicationRecord {
  const { screening: _screening, ...content } = request
  return {
    id: randomUUID(),
    reference,
    createdAt: now,
    content,
    claims: request.benefits.map((benefit) => ({
      id: randomUUID(),
      benefit,
      status: 'submitted',
      office: null,
      events: [{ status: 'submitted', note: SUBMITTED_NOTE, at: now, details: null }],
    })),
  }
}

/** The answer about an application, every field chosen here; personal numbers masked. */
export function projectApplication(record: ApplicationRecord): ApplicationResponse {
  const { content } = record
  const people = householdPeople(content)
  const missing = missingDocuments(content)
  const order = (benefit: BenefitId) => content.benefits.indexOf(benefit)
  const { applicant, beneficiary } = content
  return {
    id: record.id,
    reference: record.reference,
    createdAt: record.createdAt.toISOString(),
    applicant:
      applicant.kind === 'self'
        ? { kind: 'self' }
        : { kind: 'relative', relation: applicant.relation, name: applicant.name, phone: maskPhone(applicant.phone) },
    beneficiary: {
      name: beneficiary.name,
      idNumber: maskIdNumber(beneficiary.idNumber),
      phone: beneficiary.phone ? maskPhone(beneficiary.phone) : null,
      address: {
        cityCode: beneficiary.address.cityCode,
        countyCode: beneficiary.address.countyCode,
        place: placeName(beneficiary.address.countyCode) ?? '',
        township: beneficiary.address.township,
        detail: beneficiary.address.detail,
      },
    },
    members: content.members.map((member) => ({ name: member.name, relation: member.relation, idNumber: maskIdNumber(member.idNumber) })),
    income: Object.fromEntries(INCOME_SOURCES.map((source) => [source, content.income[source]])) as ApplicationResponse['income'],
    assets: {
      deposits: content.assets.deposits,
      investments: content.assets.investments,
      vehicles: content.assets.vehicles,
      otherHomes: content.assets.otherHomes,
    },
    claims: [...record.claims]
      .sort((a, b) => order(a.benefit) - order(b.benefit))
      .map((claim) => ({
        id: claim.id,
        benefit: claim.benefit,
        benefitName: benefitName(claim.benefit),
        status: claim.status,
        statusLabel: CLAIM_STATUS_LABELS[claim.status],
        timeline: claim.events.map((event) => ({
          status: event.status,
          statusLabel: CLAIM_STATUS_LABELS[event.status],
          note: event.note,
          at: event.at.toISOString(),
        })),
      })),
    documents: [...content.documents]
      .sort((a, b) => DOCUMENT_IDS.indexOf(a.documentId) - DOCUMENT_IDS.indexOf(b.documentId))
      .map((document) => ({ documentId: document.documentId, name: documentName(document.documentId), uploadIds: [...document.uploadIds] })),
    missingDocuments: missing.map((documentId) => ({ documentId, name: documentName(documentId) })),
    consents: {
      privacyVersion: content.consents.privacyVersion,
      sensitiveInfoVersion: content.consents.sensitiveInfoVersion,
      economicCheck: [...content.consents.economicCheck]
        .sort((a, b) => a.memberIndex - b.memberIndex)
        .map((confirmation) => ({
          memberIndex: confirmation.memberIndex,
          name: people[confirmation.memberIndex]?.name ?? '',
          confirmedAt: new Date(confirmation.confirmedAt).toISOString(),
        })),
    },
    nextSteps: nextStepsFor(content.benefits, missing),
  }
}

interface ApplicationRow {
  id: string
  reference: ApplicationReference
  created_at: Date
  details: { income: ApplicationContent['income']; assets: ApplicationContent['assets']; benefits: BenefitId[] }
}

interface PersonRow {
  id: string
  role: 'beneficiary' | 'member' | 'applicant'
  position: number
  name: string
  relation: KinRelation | null
  id_number_sealed: string | null
  phone_sealed: string | null
  city_code: string | null
  county_code: string | null
  township: string | null
  address_detail_sealed: string | null
}

/**
 * Reads an application back into its record, opening the sealed fields. Whoever calls it has checked
 * that the person may see it (server/applications/access.ts); undefined when there is no such application.
 */
export async function loadApplication(db: Queryable, crypto: FieldCrypto, applicationId: string): Promise<ApplicationRecord | undefined> {
  const found = await db.query<ApplicationRow>('SELECT id, reference, created_at, details FROM applications WHERE id = $1', [applicationId])
  const application = found.rows[0]
  if (!application) return undefined

  const [people, claims, documents, consents, confirmations] = await Promise.all([
    db.query<PersonRow>(
      `SELECT id, role, position, name, relation, id_number_sealed, phone_sealed, city_code, county_code, township, address_detail_sealed
       FROM application_people WHERE application_id = $1 ORDER BY position`,
      [applicationId],
    ),
    db.query<{ id: string; benefit: BenefitId; status: ClaimStatus; office: Office | null; event_status: ClaimStatus; note: string; at: Date; details: ClaimEventDetails | null }>(
      `SELECT c.id, c.benefit, c.status, c.office, e.status AS event_status, e.note, e.at, e.details
       FROM claims c JOIN claim_events e ON e.claim_id = c.id
       WHERE c.application_id = $1 ORDER BY c.id, e.seq`,
      [applicationId],
    ),
    db.query<{ document_id: DocumentId; upload_id: string }>(
      'SELECT document_id, upload_id FROM application_documents WHERE application_id = $1 ORDER BY document_id, position',
      [applicationId],
    ),
    db.query<{ privacy_version: string; sensitive_info_version: string }>(
      'SELECT privacy_version, sensitive_info_version FROM application_consents WHERE application_id = $1',
      [applicationId],
    ),
    db.query<{ person_id: string; confirmed_at: Date }>('SELECT person_id, confirmed_at FROM economic_check_confirmations WHERE application_id = $1', [applicationId]),
  ])

  const open = (sealed: string | null, context: string) => (sealed === null ? '' : crypto.decrypt(sealed, context))
  const beneficiaryRow = people.rows.find((row) => row.role === 'beneficiary')
  const applicantRow = people.rows.find((row) => row.role === 'applicant')
  if (!beneficiaryRow) throw new Error(`application ${applicationId} has no beneficiary`)
  const household = people.rows.filter((row) => row.role !== 'applicant')

  const claimsById = new Map<string, ClaimRecord>()
  for (const row of claims.rows) {
    const claim = claimsById.get(row.id) ?? { id: row.id, benefit: row.benefit, status: row.status, office: row.office, events: [] }
    claim.events.push({ status: row.event_status, note: row.note, at: row.at, details: row.details })
    claimsById.set(row.id, claim)
  }
  const uploadsByDocument = new Map<DocumentId, string[]>()
  for (const row of documents.rows) uploadsByDocument.set(row.document_id, [...(uploadsByDocument.get(row.document_id) ?? []), row.upload_id])
  const positionOf = new Map(household.map((row) => [row.id, row.position]))
  const consent = consents.rows[0]

  return {
    id: application.id,
    reference: application.reference,
    createdAt: application.created_at,
    content: {
      applicant: applicantRow
        ? { kind: 'relative', relation: applicantRow.relation ?? 'other', name: applicantRow.name, phone: open(applicantRow.phone_sealed, SEALED.phone) }
        : { kind: 'self' },
      beneficiary: {
        name: beneficiaryRow.name,
        idNumber: open(beneficiaryRow.id_number_sealed, SEALED.idNumber),
        phone: beneficiaryRow.phone_sealed ? open(beneficiaryRow.phone_sealed, SEALED.phone) : null,
        address: {
          cityCode: beneficiaryRow.city_code as ApplicationContent['beneficiary']['address']['cityCode'],
          countyCode: beneficiaryRow.county_code ?? '',
          township: beneficiaryRow.township ?? '',
          detail: open(beneficiaryRow.address_detail_sealed, SEALED.addressDetail),
        },
      },
      members: household
        .filter((row) => row.role === 'member')
        .map((row) => ({ name: row.name, relation: row.relation ?? 'other', idNumber: open(row.id_number_sealed, SEALED.idNumber) })),
      income: application.details.income,
      assets: application.details.assets,
      benefits: application.details.benefits,
      documents: [...uploadsByDocument].map(([documentId, uploadIds]) => ({ documentId, uploadIds })),
      consents: {
        privacyVersion: consent.privacy_version as ApplicationContent['consents']['privacyVersion'],
        sensitiveInfoVersion: consent.sensitive_info_version as ApplicationContent['consents']['sensitiveInfoVersion'],
        economicCheck: confirmations.rows.map((row) => ({ memberIndex: positionOf.get(row.person_id) ?? 0, confirmedAt: row.confirmed_at.toISOString() })),
      },
    },
    claims: [...claimsById.values()],
  }
}

/**
 * The applications a person may see, as list lines: their own and those shared with them (names
 * masked), the ones needing the person first (earliest due date), then newest first.
 */
export async function listApplicationsFor(db: Queryable, crypto: FieldCrypto, userId: string): Promise<ApplicationSummary[]> {
  const result = await db.query<{
    id: string
    reference: ApplicationReference
    created_at: Date
    role: 'owner' | 'viewer'
    name: string
    id_number_sealed: string
    claim_id: string
    benefit: BenefitId
    status: ClaimStatus
    updated_at: Date
    due_date: string | null
    benefits: BenefitId[]
  }>(
    `SELECT a.id, a.reference, a.created_at, CASE WHEN a.owner_id = $1 THEN 'owner' ELSE 'viewer' END AS role,
            p.name, p.id_number_sealed, c.id AS claim_id, c.benefit, c.status, c.updated_at,
            CASE WHEN c.status = 'needs_info' THEN (
              SELECT e.details -> 'requested' ->> 'dueDate' FROM claim_events e
              WHERE e.claim_id = c.id AND e.status = 'needs_info' ORDER BY e.seq DESC LIMIT 1
            ) END AS due_date,
            a.details -> 'benefits' AS benefits
     FROM applications a
     JOIN application_people p ON p.application_id = a.id AND p.role = 'beneficiary'
     JOIN claims c ON c.application_id = a.id
     WHERE a.owner_id = $1
        OR a.id IN (SELECT v.application_id FROM application_viewers v WHERE v.user_id = $1 AND v.revoked_at IS NULL)
     ORDER BY a.created_at DESC, a.id`,
    [userId],
  )
  type Line = Omit<ApplicationSummary, 'nextAction'> & { order: BenefitId[]; dues: Map<string, string> }
  const lines = new Map<string, Line>()
  for (const row of result.rows) {
    let line = lines.get(row.id)
    if (!line) {
      line = {
        id: row.id,
        reference: row.reference,
        createdAt: row.created_at.toISOString(),
        role: row.role,
        beneficiary: {
          name: row.role === 'owner' ? row.name : maskName(row.name),
          idNumber: maskIdNumber(crypto.decrypt(row.id_number_sealed, SEALED.idNumber)),
        },
        claims: [],
        order: row.benefits,
        dues: new Map(),
      }
      lines.set(row.id, line)
    }
    line.claims.push({
      id: row.claim_id,
      benefit: row.benefit,
      benefitName: benefitName(row.benefit),
      status: row.status,
      statusLabel: CLAIM_STATUS_LABELS[row.status],
      updatedAt: row.updated_at.toISOString(),
    })
    if (row.due_date) line.dues.set(row.claim_id, row.due_date)
  }
  const summaries = [...lines.values()].map(({ order, dues, ...line }): ApplicationSummary => {
    const claims = line.claims.sort((a, b) => order.indexOf(a.benefit) - order.indexOf(b.benefit))
    const withDues = claims.map((claim) => ({ ...claim, requested: dues.has(claim.id) ? { dueDate: dues.get(claim.id) ?? '' } : null }))
    return { ...line, claims, nextAction: nextActionOf(withDues) }
  })
  return orderForList(summaries)
}
