// Calling the database functions of migrations 020 and 050 that submit an application:
//   - `submit_application(…)`: the checks (an earlier application with this Idempotency-Key, which
//     named uploads are the submitter's own, the beneficiary's open claims for the benefits asked
//     for) and, only when all is clear, the application row and every child table's rows, each
//     table's rows passed as one JSON array. One statement: one transaction, one round trip whatever
//     the household's size, with its plans kept by the database between calls.
//   - `submission_checks(…)`: the checks alone, after losing a race on a unique constraint.
import { randomUUID } from 'node:crypto'
import { CLOSED_CLAIM_STATUSES, householdPeople, type ApplicationRequest, type ApplicationResponse } from '@/domain/application'
import type { BenefitId } from '@/domain/policy/rules'
import type { FieldCrypto } from '../crypto'
import { SEALED, idNumberHash, type ApplicationRecord } from './records'

const placeholders = (count: number) => Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ')

/** The checks alone: parameters as {@link checkParams}. */
export const PREFLIGHT_SQL = `SELECT earlier_hash, earlier_response, own_uploads, open_claims FROM submission_checks(${placeholders(6)})`

/** The checks, then the writes when clear: parameters as {@link submitParams}. */
export const SUBMIT_SQL = `SELECT earlier_hash, earlier_response, own_uploads, open_claims, inserted FROM submit_application(${placeholders(19)})`

/** A row for each child table, with the columns the function reads (see migrations 020 and 050). */
interface ChildRows {
  people: {
    id: string
    role: 'beneficiary' | 'member' | 'applicant'
    position: number
    name: string
    relation: string | null
    id_number_sealed: string | null
    id_number_hash: string | null
    phone_sealed: string | null
    city_code: string | null
    county_code: string | null
    township: string | null
    address_detail_sealed: string | null
  }[]
  claims: { id: string; benefit: BenefitId; status: string }[]
  claimEvents: { id: string; claim_id: string; seq: number; status: string; note: string; actor: string; at: string }[]
  documents: { document_id: string; position: number; upload_id: string }[]
  consents: { privacy_version: string; sensitive_info_version: string }
  confirmations: { person_id: string; confirmed_at: string }[]
}

/** What the checks found. */
export interface CheckRow {
  earlier_hash: string | null
  earlier_response: string | null
  own_uploads: string[]
  open_claims: { benefit: BenefitId; application_id: string; owner_id: string }[]
}

export interface SubmitRow extends CheckRow {
  inserted: boolean
}

export interface Submission {
  ownerId: string
  idempotencyKey: string
  requestHash: string
  screening: ApplicationRequest['screening']
  record: ApplicationRecord
  response: ApplicationResponse
  responseStatus: number
}

/** The checks' parameters, $1–$6. */
export function checkParams(ownerId: string, idempotencyKey: string, request: Pick<ApplicationRequest, 'documents' | 'beneficiary' | 'benefits'>, crypto: FieldCrypto): unknown[] {
  return [
    ownerId,
    idempotencyKey,
    namedUploads(request),
    idNumberHash(crypto, request.beneficiary.idNumber),
    [...request.benefits],
    [...CLOSED_CLAIM_STATUSES],
  ]
}

function namedUploads(request: Pick<ApplicationRequest, 'documents'>): string[] {
  return [...new Set(request.documents.flatMap((document) => document.uploadIds))]
}

/**
 * All of `SUBMIT_SQL`'s parameters: the checks', then the application's rows with ID numbers, phones,
 * the street address and the stored answer sealed.
 */
export function submitParams(crypto: FieldCrypto, submission: Submission): unknown[] {
  const { record } = submission
  const { content } = record
  const beneficiaryHash = idNumberHash(crypto, content.beneficiary.idNumber)
  const { beneficiary, applicant } = content
  const address = beneficiary.address

  const people = householdPeople(content).map((person) => ({ ...person, id: randomUUID() }))
  const rows: ChildRows = {
    people: people.map((person) => {
      const member = person.memberIndex === 0 ? undefined : content.members[person.memberIndex - 1]
      return {
        id: person.id,
        role: member ? 'member' : 'beneficiary',
        position: person.memberIndex,
        name: person.name,
        relation: member ? member.relation : null,
        id_number_sealed: crypto.encrypt(person.idNumber, SEALED.idNumber),
        id_number_hash: member ? idNumberHash(crypto, person.idNumber) : beneficiaryHash,
        phone_sealed: !member && beneficiary.phone ? crypto.encrypt(beneficiary.phone, SEALED.phone) : null,
        city_code: member ? null : address.cityCode,
        county_code: member ? null : address.countyCode,
        township: member ? null : address.township,
        address_detail_sealed: member ? null : crypto.encrypt(address.detail, SEALED.addressDetail),
      }
    }),
    claims: record.claims.map((claim) => ({ id: claim.id, benefit: claim.benefit, status: claim.status })),
    claimEvents: record.claims.flatMap((claim) =>
      claim.events.map((event, index) => ({
        id: randomUUID(),
        claim_id: claim.id,
        seq: index + 1,
        status: event.status,
        note: event.note,
        actor: 'applicant',
        at: event.at.toISOString(),
      })),
    ),
    documents: content.documents.flatMap((document) => document.uploadIds.map((uploadId, position) => ({ document_id: document.documentId, position, upload_id: uploadId }))),
    consents: { privacy_version: content.consents.privacyVersion, sensitive_info_version: content.consents.sensitiveInfoVersion },
    confirmations: content.consents.economicCheck.map((confirmation) => ({
      person_id: people[confirmation.memberIndex].id,
      confirmed_at: new Date(confirmation.confirmedAt).toISOString(),
    })),
  }
  if (applicant.kind === 'relative') {
    rows.people.push({
      id: randomUUID(),
      role: 'applicant',
      position: 0,
      name: applicant.name,
      relation: applicant.relation,
      id_number_sealed: null,
      id_number_hash: null,
      phone_sealed: crypto.encrypt(applicant.phone, SEALED.phone),
      city_code: null,
      county_code: null,
      township: null,
      address_detail_sealed: null,
    })
  }
  return [
    ...checkParams(submission.ownerId, submission.idempotencyKey, content, crypto),
    record.id,
    submission.requestHash,
    submission.responseStatus,
    crypto.encrypt(JSON.stringify(submission.response), SEALED.response),
    JSON.stringify({ income: content.income, assets: content.assets, benefits: content.benefits, screening: submission.screening ?? null }),
    record.createdAt.toISOString(),
    JSON.stringify(rows.people),
    JSON.stringify(rows.claims),
    JSON.stringify(rows.claimEvents),
    JSON.stringify(rows.documents),
    JSON.stringify(rows.consents),
    JSON.stringify(rows.confirmations),
    record.reference,
  ]
}
