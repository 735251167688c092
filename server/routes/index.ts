// Every route plugin, registered under /api/v1 in this order. A feature adds its routes with one line.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { authRoutes } from './auth'
import { healthRoutes } from './health'

export type RoutePlugin = FastifyPluginAsyncZod

export const routePlugins: RoutePlugin[] = [
  healthRoutes,
  authRoutes,
]
