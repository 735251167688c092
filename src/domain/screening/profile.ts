// 主动提醒: a household saved from the screener, with birth months so that ages move with time, screened
// again on any date; and what is better on that date than it was, in the rules' own words.
import dayjs from 'dayjs'
import { z } from 'zod'
import type { Tier } from '../policy/logic'
import { screen } from './screen'
import { ScreeningRequestSchema, type BenefitResult, type ScreeningRequest, type ScreeningResponse } from './schemas'
import type { RegionOverrides } from '../policy/parameters/overrides'
import type { BenefitId } from '../policy/rules'

/** The versions of the consent to keep a household and re-check it (the app shows the newest). */
export const PROFILE_CONSENT_VERSIONS = ['2026-12'] as const
export const CURRENT_PROFILE_CONSENT_VERSION = PROFILE_CONSENT_VERSIONS[PROFILE_CONSENT_VERSIONS.length - 1]

/** Year and month of birth only: enough for ages to move with time, no more than that is kept. */
export const BirthMonthSchema = z
  .string()
  .regex(/^(19\d\d|20\d\d)-(0[1-9]|1[0-2])$/, { message: '出生年月应为 YYYY-MM（1900 年到 2099 年）' })

const SavedHouseholdFields = z.strictObject({
  /** The screener's household; its date is always the day it is screened. */
  household: ScreeningRequestSchema.omit({ date: true }),
  /** One per member, in the same order; null where it is not known (that member's age then stays as given). */
  birthMonths: z.array(BirthMonthSchema.nullable()),
  /** Re-check every day and tell me when I may newly qualify. */
  notify: z.boolean(),
  consent: z.strictObject({ version: z.enum(PROFILE_CONSENT_VERSIONS, { message: '请阅读并同意保存家庭情况的说明' }) }),
})

/** PUT /api/v1/screening-profile. */
export const SavedHouseholdSchema = SavedHouseholdFields.superRefine((saved, context) => {
  if (saved.birthMonths.length !== saved.household.members.length) {
    context.addIssue({ code: 'custom', path: ['birthMonths'], message: `出生年月应与家庭成员一一对应（${saved.household.members.length} 位成员）` })
  }
})
export type SavedHousehold = z.infer<typeof SavedHouseholdSchema>

/** GET /api/v1/screening-profile: what was saved, and when. */
export const SavedHouseholdResponseSchema = SavedHouseholdFields.extend({ updatedAt: z.iso.datetime() })
export type SavedHouseholdResponse = z.infer<typeof SavedHouseholdResponseSchema>

/**
 * Full years on `date` (YYYY-MM-DD) of someone born in `birthMonth` (YYYY-MM), counted from the first day of that
 * month: a person is taken to reach an age on the first of the month they were born in, so a change of tier falls
 * on one known day, whatever the day of birth.
 */
export function ageOn(birthMonth: string, date: string): number {
  return Math.max(0, Math.floor(dayjs(date).diff(dayjs(`${birthMonth}-01`), 'month') / 12))
}

/** The saved household as the screener takes it on `date`, each member's age from their birth month where known. */
export function householdOn(saved: Pick<SavedHousehold, 'household' | 'birthMonths'>, date: string): ScreeningRequest {
  return {
    ...saved.household,
    date,
    members: saved.household.members.map((member, index) => {
      const birthMonth = saved.birthMonths[index]
      return birthMonth ? { ...member, age: ageOn(birthMonth, date) } : member
    }),
  }
}

const RANK: Record<Tier, number> = { unlikely: 0, maybe: 1, likely: 2 }

/** A benefit whose tier is better on a later date, and why: the criteria met then that were not met before. */
export const TierChangeSchema = z.object({
  benefit: z.string(),
  name: z.string(),
  from: z.enum(['likely', 'maybe', 'unlikely']),
  to: z.enum(['likely', 'maybe', 'unlikely']),
  reasons: z.array(z.string()),
})
export type TierChange = z.infer<typeof TierChangeSchema> & { benefit: BenefitId; from: Tier; to: Tier }

function change(before: BenefitResult, after: BenefitResult): TierChange {
  const metBefore = new Set(before.criteria.filter((criterion) => criterion.met === true).map((criterion) => criterion.id))
  const reasons = after.criteria.filter((criterion) => criterion.met === true && !metBefore.has(criterion.id)).map((criterion) => criterion.text)
  return { benefit: after.benefit, name: after.name, from: before.tier, to: after.tier, reasons }
}

/** The benefits whose tier is better in `after` than in `before`, in the screener's order. */
export function betterTiers(before: ScreeningResponse, after: ScreeningResponse): TierChange[] {
  const earlier = new Map(before.results.map((result) => [result.benefit, result]))
  return after.results.flatMap((result) => {
    const was = earlier.get(result.benefit)
    return was && RANK[result.tier] > RANK[was.tier] ? [change(was, result)] : []
  })
}

/** What a check found, kept until the next one: each benefit's tier and the criteria it met. */
export type CheckRecord = Partial<Record<BenefitId, { tier: Tier; met: string[] }>>

export function checkRecordOf(response: ScreeningResponse): CheckRecord {
  return Object.fromEntries(
    response.results.map((result) => [result.benefit, { tier: result.tier, met: result.criteria.filter((criterion) => criterion.met === true).map((criterion) => criterion.id) }]),
  )
}

/** A benefit that was unlikely at the last check and may be had now (likely or maybe), and why. */
export interface NewlyPossible {
  benefit: BenefitId
  name: string
  tier: Exclude<Tier, 'unlikely'>
  /** The criteria met now that were not met at the last check; all those met if none is new. */
  reasons: string[]
}

/** Each benefit that was unlikely at the last check and is likely or maybe now: each is one alert. */
export function newlyPossible(last: CheckRecord, now: ScreeningResponse): NewlyPossible[] {
  return now.results.flatMap((result) => {
    const before = last[result.benefit]
    if (before?.tier !== 'unlikely' || result.tier === 'unlikely') return []
    const met = result.criteria.filter((criterion) => criterion.met === true)
    const fresh = met.filter((criterion) => !before.met.includes(criterion.id))
    return [{ benefit: result.benefit, name: result.name, tier: result.tier, reasons: (fresh.length > 0 ? fresh : met).map((criterion) => criterion.text) }]
  })
}

/** GET /api/v1/screening-profile/outlook?date=: the saved household on `date`, and what is better than today. */
export const OutlookQuerySchema = z.object({ date: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }) })
export const OutlookSchema = z.object({ today: z.iso.date(), date: z.iso.date(), changes: z.array(TierChangeSchema) })
export type Outlook = z.infer<typeof OutlookSchema>

/** What is better for the saved household on `date` than on `today` (both YYYY-MM-DD, Shanxi dates). */
export function outlook(saved: Pick<SavedHousehold, 'household' | 'birthMonths'>, today: string, date: string, overrides?: RegionOverrides): Outlook {
  const now = screen(householdOn(saved, today), today, overrides)
  const then = screen(householdOn(saved, date), date, overrides)
  return { today, date, changes: betterTiers(now, then) }
}

/** GET /api/v1/alerts: "you may now qualify", newest first. */
export const AlertSchema = z.object({
  id: z.uuid(),
  benefit: z.string(),
  name: z.string(),
  tier: z.enum(['likely', 'maybe']),
  reasons: z.array(z.string()),
  /** The Shanxi date of the re-check that found it. */
  foundOn: z.iso.date(),
})
export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) })
export type Alert = z.infer<typeof AlertSchema>
