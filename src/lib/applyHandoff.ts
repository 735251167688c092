import Taro from '@tarojs/taro'
import { z } from 'zod'
import { BENEFIT_IDS } from '@/domain/policy/rules/types'
import { ScreeningRequestSchema, TIERS } from '@/domain/screening'
import { readStored, storageKeys, writeStored } from './storage'

/**
 * What the screener's results hand to the application (a feature may not import another): the
 * screener's request and each benefit's tier and reasons, so nothing is asked twice and an
 * unlikely benefit can be added after a warning that says why.
 */
export const ApplyHandoffSchema = z.object({
  screening: ScreeningRequestSchema,
  results: z.array(
    z.object({
      benefit: z.enum(BENEFIT_IDS),
      name: z.string(),
      tier: z.enum(TIERS),
      /** The criteria not met, in words. */
      reasons: z.array(z.string()),
    }),
  ),
})
export type ApplyHandoff = z.infer<typeof ApplyHandoffSchema>

export const APPLY_FORM_PAGE = '/subpackages/apply/form/index'

export function saveApplyHandoff(handoff: ApplyHandoff): void {
  writeStored(storageKeys.applyHandoff, handoff)
}

export function loadApplyHandoff(): ApplyHandoff | undefined {
  return readStored(storageKeys.applyHandoff, ApplyHandoffSchema)
}

/** Hands the screener's answers and results to the application and opens it. */
export function startApplication(handoff: ApplyHandoff): void {
  saveApplyHandoff(handoff)
  Taro.navigateTo({ url: APPLY_FORM_PAGE })
}
