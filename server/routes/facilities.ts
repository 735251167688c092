// The care finder (找服务): nearby facilities, one facility, and Shanxi's regions.
// Searches are answered from the in-memory index (`app.facilities`, server/facilities/service.ts).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { FacilityDetail, NearbyQuery, NearbyResponse, RegionsResponse, regionsResponse, searchNearby, toFacilityDetail } from '@/domain/care'
import { notFound } from '../errors'
import { facilitiesUnavailable } from '../facilities/service'

/** The regions never change while the server runs: one body, one ETag. */
const regions = regionsResponse()
const regionsEtag = `"${createHash('sha256').update(JSON.stringify(regions)).digest('base64url').slice(0, 22)}"`
/** A day in caches; a changed list (a new release) gets a new ETag, so revalidation is cheap. */
const REGIONS_CACHE_CONTROL = 'public, max-age=86400'

const FacilityParams = z.object({
  id: z.string().meta({ description: '服务机构的编号（UUID）；不存在或格式不对都答 404' }),
})

const facilityNotFound = () => notFound('找不到这个服务机构，它可能已被移除。', { code: 'facility_not_found' })
const UNAVAILABLE = { 503: { when: '服务机构的数据还没有载入：稍后再试', example: facilitiesUnavailable() } }

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })
}

export const facilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/facilities/nearby',
    {
      schema: {
        summary: '附近的老年餐桌、日间照料中心和养老机构',
        description:
          '由近到远，在 radiusKm 公里以内（默认 5，最多 50），最多 limit 个（默认 20，最多 50）。' +
          'types 用逗号分隔或重复给出（不给则全部类型）。给出 openAt（ISO 8601；不带时区时按北京时间）则只列出那时开放的，openNow 和 todayHours 说的是那个时刻；否则说的是现在。' +
          '坐标是 GCJ-02（微信地图用的坐标）。',
        tags: ['care'],
        querystring: NearbyQuery,
        response: { 200: NearbyResponse },
        errors: UNAVAILABLE,
      },
    },
    async (request) => searchNearby(await app.facilities.indexForRequest(), request.query, app.clock()),
  )

  app.get(
    '/facilities/:id',
    {
      schema: {
        summary: '一家服务机构：地址、电话、一周的开放时间、服务、餐食和价格',
        tags: ['care'],
        params: FacilityParams,
        response: { 200: FacilityDetail },
        errors: { 404: { when: '没有这家服务机构（可能已被移除）', example: facilityNotFound() }, ...UNAVAILABLE },
      },
    },
    async (request) => {
      // Ids are opaque to clients: a malformed one names no facility, exactly like an unknown one.
      const facility = (await app.facilities.indexForRequest()).get(request.params.id.toLowerCase())
      if (!facility) throw facilityNotFound()
      return toFacilityDetail(facility, app.clock())
    },
  )

  app.get(
    '/regions',
    {
      schema: {
        summary: '山西省的市和县（市、区）：代码、名称和大致的中心位置',
        description: '答复带 ETag，可以缓存一天；请求头 If-None-Match 给出当前的 ETag 时答 304，没有内容。',
        tags: ['care'],
        response: { 200: RegionsResponse, 304: z.undefined().describe('没有变化：If-None-Match 给出的就是当前的 ETag') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', REGIONS_CACHE_CONTROL).header('etag', regionsEtag)
      if (etagMatches(request.headers['if-none-match'], regionsEtag)) return reply.code(304).send()
      return regions
    },
  )
}
