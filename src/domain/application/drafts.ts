// The application draft kept on the server while a person fills in the form (`/drafts/current`).
// Its payload is the app's own form state: the server stores it as it is, only checking its size.
import { z } from 'zod'
import { ApiErrorBodySchema } from '../api/errors'

/** The largest draft payload the server keeps: its JSON in UTF-8 bytes. Above it: 413. */
export const DRAFT_MAX_BYTES = 256 * 1024

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/**
 * Any JSON value. Registered under a name and recursing through that same registered schema, so that
 * the API document describes it once as a component that refers to itself.
 */
export const JsonValueSchema: z.ZodType<JsonValue> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]))
  .meta({ id: 'JsonValue', description: '任意 JSON 值' })

/** The app's form state: any JSON object. */
export const DraftPayloadSchema = z.record(z.string(), JsonValueSchema)
export type DraftPayload = z.infer<typeof DraftPayloadSchema>

/** `GET /drafts/current` and the answer to a `PUT`: the draft and when the server last saved it. */
export const DraftSchema = z.object({
  payload: DraftPayloadSchema,
  /** ISO 8601 instant of the last saved write; send it back as the base of the next write. */
  updatedAt: z.iso.datetime(),
})
export type Draft = z.infer<typeof DraftSchema>

/**
 * `PUT /drafts/current`. `updatedAt` is the `updatedAt` of the draft this one was based on (null for a
 * first draft). When the server's draft has changed since (another phone, another tab), the write is
 * refused with 409 `stale_draft` and the server's draft, so nothing is overwritten unseen.
 */
export const DraftWriteSchema = z.strictObject({
  payload: DraftPayloadSchema,
  updatedAt: z.iso.datetime({ message: '请提供草稿所基于的 updatedAt（ISO 8601 时间），首次保存时为 null' }).nullable(),
})
export type DraftWrite = z.infer<typeof DraftWriteSchema>

export const STALE_DRAFT = 'stale_draft'

/** 409 on `PUT /drafts/current`: the draft on the server, to merge or replace. */
export const StaleDraftErrorSchema = ApiErrorBodySchema.extend({
  current: DraftSchema.optional(),
})
export type StaleDraftError = z.infer<typeof StaleDraftErrorSchema>

/** The size the server measures: UTF-8 bytes of the payload's JSON. */
export function draftPayloadBytes(payload: DraftPayload): number {
  const json = JSON.stringify(payload)
  let bytes = 0
  for (let i = 0; i < json.length; i += 1) {
    const code = json.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      i += 1
    } else bytes += 3
  }
  return bytes
}
