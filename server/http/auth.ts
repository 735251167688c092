// Bearer-token authentication: `preHandler: app.authenticate`, then `requireUser(request)`.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { unauthorized } from '../errors'
import { userForToken, type AuthUser } from '../services/sessions'

// 32 random bytes in base64url are 43 characters; anything far off is not one of ours.
const BEARER = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/i

export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('user', null)
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const match = BEARER.exec(request.headers.authorization ?? '')
    if (!match) throw unauthorized()
    const user = await userForToken(app.db, match[1], app.clock())
    if (!user) throw unauthorized('登录已过期，请重新登录。')
    request.user = user
  })
}

/** The signed-in person on a route that has `preHandler: app.authenticate` (401 if it has not run). */
export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthorized()
  return request.user
}
