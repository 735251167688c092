// Submitting an application (POST /applications), idempotent by the client's Idempotency-Key:
//   - the first request with a key creates the application and stores its answer, in one statement
//     (one transaction, see statements.ts);
//   - the same key with the same body (same fingerprint) gets that first answer again;
//   - the same key with another body is refused (422);
//   - concurrent duplicates: the unique constraint on (owner_id, idempotency_key) lets one write win;
//     the others fail on it, read the winner's row once it has committed and answer as above.
// A second open claim for the same beneficiary and benefit is refused (409 duplicate_claim), also
// enforced by a partial unique index so that two different submissions racing cannot both pass.
import { randomInt } from 'node:crypto'
import { DUPLICATE_CLAIM, IDEMPOTENCY_KEY_REUSED, applicationReference, type ApplicationRequest, type ApplicationResponse } from '@/domain/application'
import type { ApiIssue } from '@/domain/api'
import type { FieldCrypto } from '../crypto'
import { isUniqueViolation, violatedConstraint, type Queryable } from '../db'
import { badRequest, conflict, unprocessable, type HttpError } from '../errors'
import { requestFingerprint } from './canonical'
import { HttpErrorWithDetails } from './errors'
import { SEALED, newApplicationRecord, projectApplication } from './records'
import { PREFLIGHT_SQL, SUBMIT_SQL, checkParams, submitParams, type CheckRow, type SubmitRow } from './statements'

export interface SubmitInput {
  ownerId: string
  idempotencyKey: string
  request: ApplicationRequest
  now: Date
  /** Chooses each character of the reference's suffix: a cryptographic random index by default. */
  pickReferenceCharacter?: (n: number) => number
}

export interface SubmitOutcome {
  /** Only successful answers are stored for replay, so a replay is a 201 too. */
  status: 201
  body: ApplicationResponse
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean
}

interface StoredAnswer {
  requestHash: string
  /** Only successful answers are stored for replay. */
  status: 201
  body: ApplicationResponse
}

type OpenClaim = CheckRow['open_claims'][number]

interface Preflight {
  earlier: StoredAnswer | undefined
  ownUploads: Set<string>
  openClaims: OpenClaim[]
}

function preflightOf(crypto: FieldCrypto, row: CheckRow): Preflight {
  return {
    earlier:
      row.earlier_hash !== null && row.earlier_response !== null
        ? { requestHash: row.earlier_hash, status: 201, body: JSON.parse(crypto.decrypt(row.earlier_response, SEALED.response)) as ApplicationResponse }
        : undefined,
    ownUploads: new Set(row.own_uploads),
    openClaims: row.open_claims,
  }
}

/** 422: the key was used for another application. */
export const idempotencyKeyReused = (): HttpError =>
  unprocessable('这个 Idempotency-Key 已用于另一份内容不同的申请。新的申请请使用新的 Idempotency-Key。', { code: IDEMPOTENCY_KEY_REUSED })

/** 409: the same submission is being stored right now (a double tap); its answer comes shortly. */
export const submissionInProgress = (): HttpError => conflict('同一份申请正在提交中，请稍后刷新查看。', { code: 'submission_in_progress' })

function replay(answer: StoredAnswer, requestHash: string): SubmitOutcome {
  if (answer.requestHash !== requestHash) throw idempotencyKeyReused()
  return { status: answer.status, body: answer.body, replayed: true }
}

/** 400: files named in the application that are not the submitter's uploads. */
export const missingUploads = (issues: ApiIssue[]): HttpError => badRequest('有文件找不到，请重新上传后再提交。', { issues })

/** Every upload the request names must be the submitter's own; otherwise 400 naming each one. */
function checkUploads(request: ApplicationRequest, own: ReadonlySet<string>): void {
  const issues: ApiIssue[] = []
  request.documents.forEach((document, index) => {
    document.uploadIds.forEach((uploadId, fileIndex) => {
      if (!own.has(uploadId)) issues.push({ path: `documents.${index}.uploadIds.${fileIndex}`, message: '找不到这个文件，请重新上传' })
    })
  })
  if (issues.length > 0) throw missingUploads(issues)
}

/**
 * 409 duplicate_claim. The existing application's id is given only to its owner: whether someone else
 * has applied for this person is not revealed beyond "there is an open claim".
 */
export function duplicateClaim(existing: readonly Pick<OpenClaim, 'owner_id' | 'application_id' | 'benefit'>[], ownerId: string) {
  const own = existing.find((claim) => claim.owner_id === ownerId)
  const benefits = [...new Set(existing.map((claim) => claim.benefit))]
  return new HttpErrorWithDetails(
    409,
    own
      ? '您已经为这位申请对象提交过同一项补助的申请，正在办理中，可以在“查进度”里查看。'
      : '这位申请对象已有同一项补助的申请正在办理中，不能重复申请。如有疑问请联系乡镇（街道）。',
    { code: DUPLICATE_CLAIM },
    own ? { existingApplicationId: own.application_id, benefits } : { benefits },
  )
}

/** A day has 32⁴ (about a million) references: a clash is rare, and a few new draws settle it. */
const REFERENCE_ATTEMPTS = 5
/** The unique constraint on applications.reference (migration 050). */
const REFERENCE_CONSTRAINT = 'applications_reference'

export async function submitApplication(db: Queryable, crypto: FieldCrypto, input: SubmitInput): Promise<SubmitOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await submitOnce(db, crypto, input)
    } catch (error) {
      if (violatedConstraint(error) !== REFERENCE_CONSTRAINT || attempt >= REFERENCE_ATTEMPTS) throw error
    }
  }
}

async function submitOnce(db: Queryable, crypto: FieldCrypto, input: SubmitInput): Promise<SubmitOutcome> {
  const { ownerId, idempotencyKey, request, now } = input
  const requestHash = requestFingerprint(request)
  // The answer is ready before the database is asked: it is stored with the application for replays.
  const record = newApplicationRecord(request, now, applicationReference(now, input.pickReferenceCharacter ?? randomInt))
  const response = projectApplication(record)

  const decide = (found: Preflight): SubmitOutcome | undefined => {
    if (found.earlier) return replay(found.earlier, requestHash)
    checkUploads(request, found.ownUploads)
    if (found.openClaims.length > 0) throw duplicateClaim(found.openClaims, ownerId)
    return undefined
  }

  try {
    // One statement: the checks, and the writes only when they are clear (see statements.ts).
    const result = await db.query<SubmitRow>(SUBMIT_SQL, submitParams(crypto, { ownerId, idempotencyKey, requestHash, screening: request.screening, record, response, responseStatus: 201 }))
    const row = result.rows[0]
    if (row.inserted) return { status: 201, body: response, replayed: false }
    const decided = decide(preflightOf(crypto, row))
    if (decided) return decided
    throw new Error('a submission was neither written nor refused')
  } catch (error) {
    if (!isUniqueViolation(error) || violatedConstraint(error) === REFERENCE_CONSTRAINT) throw error
    // Lost a race to a concurrent submission that has now committed (the same key, or another
    // application for the same person and benefit): answer as if it had come first.
    const checks = await db.query<CheckRow>(PREFLIGHT_SQL, checkParams(ownerId, idempotencyKey, request, crypto))
    const decided = decide(preflightOf(crypto, checks.rows[0]))
    if (decided) return decided
    throw submissionInProgress()
  }
}
