// The care finder (找服务): nearby facilities, one facility, and Shanxi's regions.
// Searches are answered from the in-memory index (`app.facilities`, server/facilities/service.ts).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { FacilityDetail, NearbyQuery, NearbyResponse, RegionsResponse, regionsResponse, searchNearby, toFacilityDetail } from '@/domain/care'
import { notFound } from '../errors'

/** The regions never change while the server runs: one body, one ETag. */
const regions = regionsResponse()
const regionsEtag = `"${createHash('sha256').update(JSON.stringify(regions)).digest('base64url').slice(0, 22)}"`
/** A day in caches; a changed list (a new release) gets a new ETag, so revalidation is cheap. */
const REGIONS_CACHE_CONTROL = 'public, max-age=86400'

const FacilityParams = z.object({
  id: z.string().meta({ description: 'The facility id (a UUID). An unknown or malformed id is 404.' }),
})

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
        summary: 'Nearby elderly canteens, day-care centres and care institutions',
        description:
          'Nearest first, within radiusKm (default 5, at most 50), at most limit (default 20, at most 50). ' +
          'types: comma-separated or repeated (all when absent). With openAt (ISO 8601; without an offset it is Asia/Shanghai time) ' +
          'only places open then are listed, and openNow/todayHours describe that moment; otherwise they describe now. ' +
          'Coordinates are GCJ-02, as WeChat maps use.',
        tags: ['care'],
        querystring: NearbyQuery,
        response: { 200: NearbyResponse },
      },
    },
    async (request) => searchNearby(app.facilities.indexForRequest(), request.query, app.clock()),
  )

  app.get(
    '/facilities/:id',
    {
      schema: {
        summary: 'One facility: address, phone, hours for the week, services, meals and prices',
        tags: ['care'],
        params: FacilityParams,
        response: { 200: FacilityDetail },
      },
    },
    async (request) => {
      // Ids are opaque to clients: a malformed one names no facility, exactly like an unknown one.
      const facility = app.facilities.indexForRequest().get(request.params.id.toLowerCase())
      if (!facility) throw notFound('找不到这个服务机构，它可能已被移除。', { code: 'facility_not_found' })
      return toFacilityDetail(facility, app.clock())
    },
  )

  app.get(
    '/regions',
    {
      schema: {
        summary: "Shanxi's cities and counties with codes, names and approximate centres",
        tags: ['care'],
        response: { 200: RegionsResponse, 304: z.undefined().describe('Not modified: If-None-Match named the current ETag') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', REGIONS_CACHE_CONTROL).header('etag', regionsEtag)
      if (etagMatches(request.headers['if-none-match'], regionsEtag)) return reply.code(304).send()
      return regions
    },
  )
}
