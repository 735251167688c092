// `GET/PUT /api/v1/drafts/current`: the signed-in person's application draft, saved as they go.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DRAFT_MAX_BYTES, DraftSchema, DraftWriteSchema, STALE_DRAFT, StaleDraftErrorSchema, draftPayloadBytes } from '@/domain/application'
import { findDraft, saveDraft } from '../applications/drafts'
import { HttpErrorWithDetails } from '../applications/errors'
import { notFound, payloadTooLarge } from '../errors'
import { requireUser } from '../http/auth'

export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/drafts/current',
    {
      preHandler: app.authenticate,
      schema: {
        summary: "The signed-in person's application draft (404 no_draft when there is none)",
        tags: ['apply'],
        response: { 200: DraftSchema },
      },
    },
    async (request) => {
      const draft = await findDraft(app.db, app.fieldCrypto, requireUser(request).id)
      if (!draft) throw notFound('还没有保存的草稿。', { code: 'no_draft' })
      return draft
    },
  )

  app.put(
    '/drafts/current',
    {
      preHandler: app.authenticate,
      schema: {
        summary: 'Save the draft; `updatedAt` is the one it was based on (null for a first draft). A stale write is 409 stale_draft with the current draft.',
        tags: ['apply'],
        body: DraftWriteSchema,
        response: { 200: DraftSchema, 409: StaleDraftErrorSchema },
      },
    },
    async (request) => {
      const user = requireUser(request)
      const { payload, updatedAt } = request.body
      if (draftPayloadBytes(payload) > DRAFT_MAX_BYTES) {
        throw payloadTooLarge(`草稿太大了（上限 ${DRAFT_MAX_BYTES / 1024} KB），请把照片作为材料上传，不要放在草稿里。`, { code: 'draft_too_large' })
      }
      const result = await saveDraft(app.db, app.fieldCrypto, user.id, payload, updatedAt, app.clock())
      if (!result.saved) {
        throw new HttpErrorWithDetails(409, '草稿已在别处更新（可能是另一台手机），请先查看最新的草稿。', { code: STALE_DRAFT }, result.current ? { current: result.current } : {})
      }
      request.log.info({ bytes: draftPayloadBytes(payload) }, 'draft saved')
      return result.draft
    },
  )
}
