// 主动提醒 (shared/API.md "Saved household"): the household a person saved from the screener, what will be
// better for it on a later date, and the alerts the daily re-check found. Only its owner ever reads it; the
// household is sealed at rest and never logged.
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  AlertListSchema,
  OutlookQuerySchema,
  OutlookSchema,
  SavedHouseholdResponseSchema,
  SavedHouseholdSchema,
  outlook,
  todayInShanghai,
} from '@/domain/screening'
import { notFound } from '../errors'
import { DAY_MS, periodStartOf } from '../jobs/scheduler'
import { requireUser } from '../http/auth'
import { SAVED_HOUSEHOLD_EXAMPLES, withExamples } from '../openapi/examples'
import { deleteProfile, findProfile, listAlerts, recheckHouseholds, saveProfile } from '../households/profiles'
import { TOO_EARLY, withPolicyInForce } from './screening'

const noProfile = () => notFound('还没有保存家庭情况。', { code: 'no_screening_profile' })
const NO_PROFILE = { 404: { when: '还没有保存家庭情况（或已删除）', example: noProfile() } }

export const screeningProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  // Every day at midnight in Shanxi, once across every instance (server/jobs): re-screen the households that
  // asked to be told, with their ages and the standards of that day.
  app.scheduler.runOncePerPeriod('recheck-households', DAY_MS, async ({ now }) => {
    const outcome = await recheckHouseholds(app.db, app.fieldCrypto, todayInShanghai(periodStartOf(now, DAY_MS)), now)
    app.log.info(outcome, 'saved households re-checked')
  })

  app.put(
    '/screening-profile',
    {
      preHandler: app.authenticate,
      schema: {
        summary: '保存我家的情况（须同意说明），有新政策或符合新补助时提醒我',
        description: '出生年月只记年和月，年龄随时间自动增长。保存后每天按当天的标准重新估算一次；notify 为 false 时只保存不提醒。',
        tags: ['screening'],
        body: withExamples(SavedHouseholdSchema, SAVED_HOUSEHOLD_EXAMPLES),
        response: { 200: SavedHouseholdResponseSchema },
      },
    },
    async (request) => {
      const now = app.clock()
      return saveProfile(app.db, app.fieldCrypto, requireUser(request).id, request.body, todayInShanghai(now), now)
    },
  )

  app.get(
    '/screening-profile',
    {
      preHandler: app.authenticate,
      schema: { summary: '查看保存的家庭情况', tags: ['screening'], response: { 200: SavedHouseholdResponseSchema }, errors: NO_PROFILE },
    },
    async (request) => {
      const profile = await findProfile(app.db, app.fieldCrypto, requireUser(request).id)
      if (!profile) throw noProfile()
      return profile
    },
  )

  app.delete(
    '/screening-profile',
    {
      preHandler: app.authenticate,
      schema: {
        summary: '删除保存的家庭情况和所有提醒，立即生效',
        tags: ['screening'],
        response: { 204: z.null().describe('已删除') },
        errors: NO_PROFILE,
      },
    },
    async (request, reply) => {
      if (!(await deleteProfile(app.db, requireUser(request).id))) throw noProfile()
      request.log.info('screening profile deleted')
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/screening-profile/outlook',
    {
      preHandler: app.authenticate,
      schema: {
        summary: '以后某一天，保存的家庭会有哪些补助比今天更可能符合（按那天的年龄和标准估算）',
        tags: ['screening'],
        querystring: OutlookQuerySchema,
        response: { 200: OutlookSchema },
        errors: { ...NO_PROFILE, ...TOO_EARLY },
      },
    },
    async (request) => {
      const profile = await findProfile(app.db, app.fieldCrypto, requireUser(request).id)
      if (!profile) throw noProfile()
      return withPolicyInForce(() => outlook(profile, todayInShanghai(app.clock()), request.query.date))
    },
  )

  app.get(
    '/alerts',
    {
      preHandler: app.authenticate,
      schema: { summary: '“新可能符合”提醒：每天重新估算时发现的、原来不太符合而现在可能符合的补助', tags: ['screening'], response: { 200: AlertListSchema } },
    },
    async (request) => ({ alerts: await listAlerts(app.db, app.fieldCrypto, requireUser(request).id) }),
  )
}
