// `GET/PUT /api/v1/drafts/current`: the signed-in person's application draft, saved as they go.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DRAFT_MAX_BYTES, DraftSchema, DraftWriteSchema, STALE_DRAFT, StaleDraftErrorSchema, draftPayloadBytes, type Draft } from '@/domain/application'
import { findDraft, saveDraft } from '../applications/drafts'
import { HttpErrorWithDetails } from '../applications/errors'
import { notFound, payloadTooLarge } from '../errors'
import { requireUser } from '../http/auth'
import { DRAFT_EXAMPLES, withExamples } from '../openapi/examples'

const noDraft = () => notFound('还没有保存的草稿。', { code: 'no_draft' })
const draftTooLarge = () => payloadTooLarge(`草稿太大了（上限 ${DRAFT_MAX_BYTES / 1024} KB），请把照片作为材料上传，不要放在草稿里。`, { code: 'draft_too_large' })
const staleDraft = (current?: Draft) =>
  new HttpErrorWithDetails(409, '草稿已在别处更新（可能是另一台手机），请先查看最新的草稿。', { code: STALE_DRAFT }, current ? { current } : {})

export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/drafts/current',
    {
      preHandler: app.authenticate,
      schema: {
        summary: '取回自己保存的申请草稿',
        tags: ['apply'],
        response: { 200: DraftSchema },
        errors: { 404: { when: '还没有保存过草稿', example: noDraft() } },
      },
    },
    async (request) => {
      const draft = await findDraft(app.db, app.fieldCrypto, requireUser(request).id)
      if (!draft) throw noDraft()
      return draft
    },
  )

  app.put(
    '/drafts/current',
    {
      preHandler: app.authenticate,
      schema: {
        summary: '保存申请草稿（边填边存）',
        description: 'updatedAt 写这份草稿所基于的那次保存的 updatedAt（第一次保存写 null）。服务器上的草稿在那之后又被改过（另一台手机）时答 409 stale_draft，并带上服务器上的草稿，不会悄悄覆盖。',
        tags: ['apply'],
        body: withExamples(DraftWriteSchema, DRAFT_EXAMPLES),
        response: { 200: DraftSchema },
        errors: {
          409: { when: '服务器上的草稿已在别处更新：current 是服务器上的草稿，合并或替换后再保存', example: staleDraft(), schema: StaleDraftErrorSchema },
          413: { when: `草稿超过 ${DRAFT_MAX_BYTES / 1024} KB（照片请作为材料上传）`, example: draftTooLarge() },
        },
      },
    },
    async (request) => {
      const user = requireUser(request)
      const { payload, updatedAt } = request.body
      if (draftPayloadBytes(payload) > DRAFT_MAX_BYTES) {
        throw draftTooLarge()
      }
      const result = await saveDraft(app.db, app.fieldCrypto, user.id, payload, updatedAt, app.clock())
      if (!result.saved) {
        throw staleDraft(result.current)
      }
      request.log.info({ bytes: draftPayloadBytes(payload) }, 'draft saved')
      return result.draft
    },
  )
}
