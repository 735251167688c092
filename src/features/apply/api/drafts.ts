import { DRAFT_MAX_BYTES, DraftSchema, STALE_DRAFT, draftPayloadBytes, type Draft, type DraftPayload } from '@/domain/application'
import { api, ApiError, storedSessions } from '@/lib/api'

export type PushResult = { kind: 'saved'; updatedAt: string } | { kind: 'stale'; current: Draft } | { kind: 'skipped' }

/** Whether the person is signed in: drafts go to the server only then (signing in happens on the first upload or submission). */
export const signedIn = (): boolean => storedSessions.get() !== undefined

/** GET /drafts/current: the draft kept on the server, or undefined when there is none (or the server cannot be reached). */
export async function fetchServerDraft(): Promise<Draft | undefined> {
  if (!signedIn()) return undefined
  try {
    return await api.request({ path: '/drafts/current', schema: DraftSchema, auth: true })
  } catch {
    return undefined
  }
}

/**
 * PUT /drafts/current based on the server draft `base` was read from. A 409 `stale_draft` returns the
 * server's draft; any other failure is skipped (the device keeps the draft and the next step tries again).
 */
export async function pushDraft(payload: DraftPayload, base: string | null): Promise<PushResult> {
  if (!signedIn() || draftPayloadBytes(payload) > DRAFT_MAX_BYTES) return { kind: 'skipped' }
  try {
    const saved = await api.request({ method: 'PUT', path: '/drafts/current', body: { payload, updatedAt: base }, schema: DraftSchema, auth: true, idempotent: true })
    return { kind: 'saved', updatedAt: saved.updatedAt }
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === STALE_DRAFT) {
      // The api client keeps only the message and issues of an error, so the server's draft is read again.
      const current = await fetchServerDraft()
      if (current) return { kind: 'stale', current }
    }
    return { kind: 'skipped' }
  }
}

/** After submission (or starting afresh) the server's draft is emptied, so no other phone offers to resume it. */
export async function clearServerDraft(): Promise<void> {
  const result = await pushDraft({}, null)
  if (result.kind === 'stale') await pushDraft({}, result.current.updatedAt)
}
