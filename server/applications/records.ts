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
  type ApplicationRequest,
  type ApplicationResponse,
  type ApplicationSummary,
  type ClaimStatus,
  type KinRelation,
} from '@/domain/application'
import { placeName } from '@/domain/care/regions'
import { DOCUMENT_IDS, DOCUMENTS, type DocumentId } from '@/domain/documents'
import { maskIdNumber, maskPhone } from '@/domain/masking'
import { BENEFIT_RULES, type BenefitId } from '@/domain/policy/rules'
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
}

export interface ClaimRecord {
  id: string
  benefit: BenefitId
  status: ClaimStatus
  events: ClaimEventRecord[]
}

export interface ApplicationRecord {
  id: string
  createdAt: Date
  content: ApplicationContent
  claims: ClaimRecord[]
}

/** The timeline's first note. */
export const SUBMITTED_NOTE = '申请已在线提交，等待乡镇人民政府（街道办事处）受理。'

const benefitName = (id: BenefitId) => BENEFIT_RULES.find((rule) => rule.id === id)?.name ?? id
const documentName = (id: DocumentId) => DOCUMENTS.find((document) => document.id === id)?.name ?? id

/** A new application's record: one claim per benefit, each `submitted` with its timeline started. */
export function newApplicationRecord(request: ApplicationRequest, now: Date): ApplicationRecord {
  const { screening: _screening, ...content } = request
  return {
    id: randomUUID(),
    createdAt: now,
    content,
    claims: request.benefits.map((benefit) => ({
      id: randomUUID(),
      benefit,
      status: 'submitted',
      events: [{ status: 'submitted', note: SUBMITTED_NOTE, at: now }],
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

/** Reads an application back into its record, opening the sealed fields. Undefined when `ownerId` does not own it. */
export async function loadOwnApplication(db: Queryable, crypto: FieldCrypto, ownerId: string, applicationId: string): Promise<ApplicationRecord | undefined> {
  const found = await db.query<ApplicationRow>('SELECT id, created_at, details FROM applications WHERE id = $1 AND owner_id = $2', [applicationId, ownerId])
  const application = found.rows[0]
  if (!application) return undefined

  const [people, claims, documents, consents, confirmations] = await Promise.all([
    db.query<PersonRow>(
      `SELECT id, role, position, name, relation, id_number_sealed, phone_sealed, city_code, county_code, township, address_detail_sealed
       FROM application_people WHERE application_id = $1 ORDER BY position`,
      [applicationId],
    ),
    db.query<{ id: string; benefit: BenefitId; status: ClaimStatus; event_status: ClaimStatus; note: string; at: Date }>(
      `SELECT c.id, c.benefit, c.status, e.status AS event_status, e.note, e.at
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
    const claim = claimsById.get(row.id) ?? { id: row.id, benefit: row.benefit, status: row.status, events: [] }
    claim.events.push({ status: row.event_status, note: row.note, at: row.at })
    claimsById.set(row.id, claim)
  }
  const uploadsByDocument = new Map<DocumentId, string[]>()
  for (const row of documents.rows) uploadsByDocument.set(row.document_id, [...(uploadsByDocument.get(row.document_id) ?? []), row.upload_id])
  const positionOf = new Map(household.map((row) => [row.id, row.position]))
  const consent = consents.rows[0]

  return {
    id: application.id,
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

/** The signed-in person's applications, newest first, as list lines. */
export async function listOwnApplications(db: Queryable, crypto: FieldCrypto, ownerId: string): Promise<ApplicationSummary[]> {
  const result = await db.query<{
    id: string
    created_at: Date
    name: string
    id_number_sealed: string
    claim_id: string
    benefit: BenefitId
    status: ClaimStatus
    updated_at: Date
    benefits: BenefitId[]
  }>(
    `SELECT a.id, a.created_at, p.name, p.id_number_sealed, c.id AS claim_id, c.benefit, c.status, c.updated_at, a.details -> 'benefits' AS benefits
     FROM applications a
     JOIN application_people p ON p.application_id = a.id AND p.role = 'beneficiary'
     JOIN claims c ON c.application_id = a.id
     WHERE a.owner_id = $1
     ORDER BY a.created_at DESC, a.id`,
    [ownerId],
  )
  const summaries = new Map<string, ApplicationSummary & { order: BenefitId[] }>()
  for (const row of result.rows) {
    let summary = summaries.get(row.id)
    if (!summary) {
      summary = {
        id: row.id,
        createdAt: row.created_at.toISOString(),
        role: 'owner',
        beneficiary: { name: row.name, idNumber: maskIdNumber(crypto.decrypt(row.id_number_sealed, SEALED.idNumber)) },
        claims: [],
        order: row.benefits,
      }
      summaries.set(row.id, summary)
    }
    summary.claims.push({
      id: row.claim_id,
      benefit: row.benefit,
      benefitName: benefitName(row.benefit),
      status: row.status,
      statusLabel: CLAIM_STATUS_LABELS[row.status],
      updatedAt: row.updated_at.toISOString(),
    })
  }
  return [...summaries.values()].map(({ order, ...summary }) => ({
    ...summary,
    claims: summary.claims.sort((a, b) => order.indexOf(a.benefit) - order.indexOf(b.benefit)),
  }))
}
