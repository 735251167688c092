// Family following an application: one-time invitation codes (only their keyed hash is stored), accepting
// one, and revoking a viewer. Access is checked on every read (access.ts), so a revocation is immediate.
import { randomBytes, randomUUID } from 'node:crypto'
import {
  DEFAULT_VIEWER_LABEL,
  INVITATION_ALPHABET,
  INVITATION_CODE_LENGTH,
  INVITATION_EXPIRED,
  INVITATION_TTL_HOURS,
  INVITATION_USED,
  OWN_APPLICATION,
  type AcceptedInvitation,
  type Invitation,
} from '@/domain/claims'
import type { FieldCrypto } from '../crypto'
import type { Db, Queryable } from '../db'
import { conflict, notFound, unprocessable, type HttpError } from '../errors'

/** The refusals of accepting an invitation, also shown in the API document. */
export const invitationRefusals = {
  notFound: (): HttpError => notFound('没有这个邀请码，请核对，或请家人重新邀请。', { code: 'invitation_not_found' }),
  used: (): HttpError => conflict('这个邀请码已经用过了。每个邀请码只能用一次，请让家人重新邀请。', { code: INVITATION_USED }),
  expired: (): HttpError => unprocessable(`这个邀请码已过期（有效期 ${INVITATION_TTL_HOURS} 小时），请让家人重新邀请。`, { code: INVITATION_EXPIRED }),
  ownApplication: (): HttpError => unprocessable('这是您自己的申请，不用接受邀请，在“我的申请”里就能看到。', { code: OWN_APPLICATION }),
}

/** 404 on revoking: the relative is not (or no longer) following. */
export const viewerNotFollowing = (): HttpError => notFound('这位家人已不在关注这份申请。')

const CODE_CONTEXT = 'invitations.code'

/** 10 characters, 5 random bits each (256 is a multiple of 32, so every character is equally likely). */
export function newInvitationCode(): string {
  return [...randomBytes(INVITATION_CODE_LENGTH)].map((byte) => INVITATION_ALPHABET[byte % INVITATION_ALPHABET.length]).join('')
}

/** A new invitation to the application; the caller has checked that the person asking owns it. */
export async function createInvitation(db: Queryable, crypto: FieldCrypto, applicationId: string, label: string | undefined, now: Date): Promise<Invitation> {
  const code = newInvitationCode()
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_HOURS * 3600_000)
  const name = label ?? DEFAULT_VIEWER_LABEL
  await db.query('INSERT INTO invitations (id, application_id, code_hash, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    randomUUID(),
    applicationId,
    crypto.lookupHash(code, CODE_CONTEXT),
    name,
    now,
    expiresAt,
  ])
  return { code, expiresAt: expiresAt.toISOString(), label: name }
}

interface InvitationRow {
  id: string
  application_id: string
  owner_id: string
  label: string
  expires_at: Date
  accepted_by: string | null
}

/**
 * Makes `userId` a viewer. Accepting again one's own accepted invitation answers the same (while still
 * a viewer); a code someone else used is 409; an expired one 422; one's own application 422; an
 * unknown code 404.
 */
export async function acceptInvitation(db: Db, crypto: FieldCrypto, userId: string, code: string, now: Date): Promise<AcceptedInvitation> {
  return db.transaction(async (tx) => {
    const found = await tx.query<InvitationRow>(
      `SELECT i.id, i.application_id, a.owner_id, i.label, i.expires_at, i.accepted_by
       FROM invitations i JOIN applications a ON a.id = i.application_id
       WHERE i.code_hash = $1 FOR UPDATE OF i`,
      [crypto.lookupHash(code, CODE_CONTEXT)],
    )
    const invitation = found.rows[0]
    if (!invitation) throw invitationRefusals.notFound()
    const answer: AcceptedInvitation = { applicationId: invitation.application_id, role: 'viewer' }
    if (invitation.accepted_by !== null) {
      const still = await tx.query('SELECT 1 FROM application_viewers WHERE application_id = $1 AND user_id = $2 AND revoked_at IS NULL', [invitation.application_id, userId])
      if (invitation.accepted_by === userId && (still.rowCount ?? 0) > 0) return answer
      throw invitationRefusals.used()
    }
    if (invitation.expires_at.getTime() <= now.getTime()) {
      throw invitationRefusals.expired()
    }
    if (invitation.owner_id === userId) throw invitationRefusals.ownApplication()

    await tx.query('UPDATE invitations SET accepted_by = $2, accepted_at = $3 WHERE id = $1', [invitation.id, userId, now])
    // Already following through an earlier invitation: that viewing stays, nothing is added.
    await tx.query(
      `INSERT INTO application_viewers (id, application_id, user_id, invitation_id, label, accepted_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (application_id, user_id) WHERE revoked_at IS NULL DO NOTHING`,
      [randomUUID(), invitation.application_id, userId, invitation.id, invitation.label, now],
    )
    return answer
  })
}

/** Ends a viewer's access at once; 404 when they are not (or no longer) following this application. */
export async function revokeViewer(db: Queryable, applicationId: string, viewerId: string, now: Date): Promise<void> {
  const revoked = await db.query('UPDATE application_viewers SET revoked_at = $3 WHERE id = $1 AND application_id = $2 AND revoked_at IS NULL', [viewerId, applicationId, now])
  if ((revoked.rowCount ?? 0) === 0) throw viewerNotFollowing()
}
