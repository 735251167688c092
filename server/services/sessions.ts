// People and their sessions. A token is 32 random bytes (base64url) handed to the app once; only its
// SHA-256 is stored, so the sessions table cannot be replayed if it leaks.
import { randomUUID } from 'node:crypto'
import type { FieldCrypto } from '../crypto'
import { randomToken, sha256Hex } from '../crypto'
import type { Queryable } from '../db'

export interface AuthUser {
  /** Random UUID; the only user identifier other tables and answers use. */
  id: string
}

export interface Session {
  token: string
  expiresAt: Date
  user: AuthUser
}

const OPENID_CONTEXT = 'users.openid'

/**
 * The user for an openid, created on first sign-in. The openid is found by its keyed hash and kept
 * sealed (AES-256-GCM) because subscribe messages must be addressed to it later.
 */
export async function findOrCreateUser(db: Queryable, crypto: FieldCrypto, openid: string, now: Date): Promise<AuthUser> {
  const openidHash = crypto.lookupHash(openid, OPENID_CONTEXT)
  const result = await db.query<{ id: string }>(
    `INSERT INTO users (id, openid_hash, openid_sealed, created_at, last_sign_in_at)
     VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (openid_hash) DO UPDATE SET last_sign_in_at = EXCLUDED.last_sign_in_at
     RETURNING id`,
    [randomUUID(), openidHash, crypto.encrypt(openid, OPENID_CONTEXT), now],
  )
  return { id: result.rows[0].id }
}

/** The openid of a user, for addressing WeChat subscribe messages. */
export async function openidOf(db: Queryable, crypto: FieldCrypto, userId: string): Promise<string | undefined> {
  const result = await db.query<{ openid_sealed: string }>('SELECT openid_sealed FROM users WHERE id = $1', [userId])
  return result.rows[0] ? crypto.decrypt(result.rows[0].openid_sealed, OPENID_CONTEXT) : undefined
}

export async function createSession(db: Queryable, user: AuthUser, now: Date, ttlHours: number): Promise<Session> {
  const token = randomToken(32)
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000)
  // Housekeeping: this person's expired sessions go when they sign in again.
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [user.id, now])
  await db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256Hex(token), user.id, now, expiresAt])
  return { token, expiresAt, user }
}

/** The user a token belongs to, if the session exists and has not expired. */
export async function userForToken(db: Queryable, token: string, now: Date): Promise<AuthUser | undefined> {
  const result = await db.query<{ user_id: string }>('SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2', [sha256Hex(token), now])
  return result.rows[0] ? { id: result.rows[0].user_id } : undefined
}

/** Removes every expired session (run at start and now and then). Returns how many went. */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now])
  return result.rowCount
}
