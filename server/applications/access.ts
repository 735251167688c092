// Who may see or change an application: its owner, and relatives the owner invited (viewers, read-only)
// until the owner revokes them. Anyone else is answered 404, never learning whether it exists; a viewer
// who tries to change something is answered 403, since they know it exists already.
import { VIEWER_READ_ONLY } from '@/domain/claims'
import type { Queryable } from '../db'
import { HttpError, notFound } from '../errors'

export type ApplicationRole = 'owner' | 'viewer'

/** The person's role on the application, checked on every request (a revoked viewer has none). */
export async function roleOn(db: Queryable, userId: string, applicationId: string): Promise<ApplicationRole | undefined> {
  const found = await db.query<{ role: ApplicationRole }>(
    `SELECT CASE WHEN a.owner_id = $2 THEN 'owner' ELSE 'viewer' END AS role
     FROM applications a
     WHERE a.id = $1
       AND (a.owner_id = $2 OR EXISTS (
         SELECT 1 FROM application_viewers v WHERE v.application_id = a.id AND v.user_id = $2 AND v.revoked_at IS NULL))`,
    [applicationId, userId],
  )
  return found.rows[0]?.role
}

/** The role, or 404 for anyone with none. */
export async function requireRole(db: Queryable, userId: string, applicationId: string): Promise<ApplicationRole> {
  const role = await roleOn(db, userId, applicationId)
  if (!role) throw notFound()
  return role
}

/** 403: a relative following the application tried to change it. */
export const viewerReadOnly = (): HttpError => new HttpError(403, '家人只能查看进度，不能修改申请。需要办理时，请联系申请人。', { code: VIEWER_READ_ONLY })

/** For changes: the owner passes; a viewer gets 403; anyone else 404. */
export async function requireOwner(db: Queryable, userId: string, applicationId: string): Promise<void> {
  const role = await requireRole(db, userId, applicationId)
  if (role === 'viewer') throw viewerReadOnly()
}
