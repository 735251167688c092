// Every route plugin, registered under /api/v1 in this order. A feature adds its routes with one line.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { applicationRoutes } from './applications'
import { authRoutes } from './auth'
import { caseEventRoutes } from './caseEvents'
import { claimActionRoutes } from './claimActions'
import { draftRoutes } from './drafts'
import { facilityRoutes } from './facilities'
import { familyRoutes } from './family'
import { healthRoutes } from './health'
import { notificationRoutes } from './notifications'
import { screeningRoutes } from './screening'
import { screeningProfileRoutes } from './screeningProfile'
import { uploadRoutes } from './uploads'

export type RoutePlugin = FastifyPluginAsyncZod

export const routePlugins: RoutePlugin[] = [
  healthRoutes,
  authRoutes,
  facilityRoutes,
  screeningRoutes,
  screeningProfileRoutes,
  draftRoutes,
  uploadRoutes,
  applicationRoutes,
  caseEventRoutes,
  claimActionRoutes,
  familyRoutes,
  notificationRoutes,
]
