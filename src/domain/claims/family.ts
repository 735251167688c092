// Family following an application (查进度·家人): the owner invites a relative with a one-time code,
// valid 24 hours; the relative accepts it and sees the application read-only, masked; the owner sees
// who follows and can revoke them at once.
import { z } from 'zod'

/** How long an invitation code can be accepted. */
export const INVITATION_TTL_HOURS = 24

/**
 * Codes are 10 characters of Crockford's base-32 alphabet (no I, L, O or U, so nothing reads as 1 or 0),
 * 50 random bits: easy to read out over the phone, impossible to guess within a day's rate limit.
 */
export const INVITATION_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const INVITATION_CODE_LENGTH = 10

/** As typed or pasted: `abcde-fghjk`, with spaces or without the hyphen, is the same code. */
export function normalizeInvitationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

/** `ABCDEFGHJK` → `ABCDE-FGHJK`, for reading and typing. */
export function formatInvitationCode(code: string): string {
  const normal = normalizeInvitationCode(code)
  return `${normal.slice(0, 5)}-${normal.slice(5)}`
}

const CODE_PATTERN = new RegExp(`^[${INVITATION_ALPHABET}]{${INVITATION_CODE_LENGTH}}$`)

export function isInvitationCode(input: string): boolean {
  return CODE_PATTERN.test(normalizeInvitationCode(input))
}

export const InvitationCodeSchema = z
  .string()
  .transform(normalizeInvitationCode)
  .pipe(z.string().regex(CODE_PATTERN, '邀请码是 10 位字母和数字，请核对后再输入'))

/** `POST /applications/:id/invitations`: what the owner calls the person invited (儿子, 女儿李娜), shown in the list of who follows. */
export const InvitationRequestSchema = z
  .object({
    label: z.string().trim().min(1, '请写上这位家人的称呼').max(20, '称呼最多 20 个字').optional(),
  })
  .nullish()
export type InvitationRequest = z.infer<typeof InvitationRequestSchema>

export const InvitationSchema = z.object({
  /** Shown once, to share: only its hash is kept. */
  code: z.string(),
  expiresAt: z.iso.datetime(),
  label: z.string(),
})
export type Invitation = z.infer<typeof InvitationSchema>

export const InvitationParamsSchema = z.object({ code: InvitationCodeSchema })

/** `POST /invitations/:code/accept`: the application now followed. */
export const AcceptedInvitationSchema = z.object({ applicationId: z.uuid(), role: z.literal('viewer') })
export type AcceptedInvitation = z.infer<typeof AcceptedInvitationSchema>

/** One person following an application. */
export const ViewerSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  acceptedAt: z.iso.datetime(),
})
export type Viewer = z.infer<typeof ViewerSchema>

export const ViewerParamsSchema = z.object({
  id: z.uuid({ message: '申请编号格式不正确' }),
  viewerId: z.uuid({ message: '家人编号格式不正确' }),
})

export const ViewerListSchema = z.object({ viewers: z.array(ViewerSchema) })
export type ViewerList = z.infer<typeof ViewerListSchema>

/** The label when the owner gave none. */
export const DEFAULT_VIEWER_LABEL = '家人'

export const VIEWER_READ_ONLY = 'viewer_read_only'
export const INVITATION_EXPIRED = 'invitation_expired'
export const INVITATION_USED = 'invitation_used'
export const OWN_APPLICATION = 'own_application'
