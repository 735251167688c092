// 查进度's calls to the backend, each answer parsed with the schema the server answers with.
import { ApplicationListSchema, type ApplicationList } from '@/domain/application'
import {
  AcceptedInvitationSchema,
  ApplicationDetailSchema,
  InvitationSchema,
  SubscriptionResponseSchema,
  ViewerListSchema,
  type AcceptedInvitation,
  type ApplicationDetail,
  type Invitation,
  type SupplementRequest,
  type ViewerList,
} from '@/domain/claims'
import { api } from '@/lib/api'

const application = (id: string) => `/applications/${encodeURIComponent(id)}`

/** The person's own applications and those shared with them, the one needing them first. */
export function listApplications(): Promise<ApplicationList> {
  return api.request({ path: '/applications', schema: ApplicationListSchema, auth: true })
}

export function fetchApplication(id: string): Promise<ApplicationDetail> {
  return api.request({ path: application(id), schema: ApplicationDetailSchema, auth: true })
}

export function withdrawClaim(id: string, claimId: string, reason?: string): Promise<ApplicationDetail> {
  return api.request({ method: 'POST', path: `${application(id)}/withdraw`, body: { claimIds: [claimId], ...(reason ? { reason } : {}) }, schema: ApplicationDetailSchema, auth: true })
}

export function supplyClaim(id: string, body: SupplementRequest): Promise<ApplicationDetail> {
  return api.request({ method: 'POST', path: `${application(id)}/supplements`, body, schema: ApplicationDetailSchema, auth: true })
}

export function inviteRelative(id: string, label?: string): Promise<Invitation> {
  return api.request({ method: 'POST', path: `${application(id)}/invitations`, body: label ? { label } : {}, schema: InvitationSchema, auth: true })
}

export function revokeViewer(id: string, viewerId: string): Promise<ViewerList> {
  return api.request({ method: 'DELETE', path: `${application(id)}/viewers/${encodeURIComponent(viewerId)}`, schema: ViewerListSchema, auth: true })
}

export function acceptInvitation(code: string): Promise<AcceptedInvitation> {
  return api.request({ method: 'POST', path: `/invitations/${encodeURIComponent(code)}/accept`, schema: AcceptedInvitationSchema, auth: true })
}

/** Records the subscribe-message templates the person accepted, so status changes reach them. */
export async function recordSubscriptions(templateIds: readonly string[]): Promise<void> {
  await api.request({ method: 'POST', path: '/subscriptions', body: { templateIds }, schema: SubscriptionResponseSchema, auth: true })
}
