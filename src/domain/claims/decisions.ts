// What an approval decides (shared/API.md "Decisions"): a monthly amount from a start month, or a one-off
// amount. One-off benefits are only ever decided one-off and the others only monthly, so that the app
// never shows a one-off amount as monthly.
import { z } from 'zod'
import type { BenefitId } from '../policy/rules/types'

/** 适老化改造补贴, 福彩圆梦助学 and 临时救助 are paid once; every other benefit is paid each month. */
export const ONE_OFF_BENEFITS: readonly BenefitId[] = ['home_modification_subsidy', 'dream_scholarship', 'temporary_assistance']

export type Payment = 'monthly' | 'one_off'

export function paymentOf(benefit: BenefitId): Payment {
  return ONE_OFF_BENEFITS.includes(benefit) ? 'one_off' : 'monthly'
}

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').describe('从哪个月开始发放（YYYY-MM）')
const AmountFenSchema = z.number().int().min(1).max(100_000_00)

/** A decision as stored and shown: the amount in whole fen. */
export const DecisionSchema = z.discriminatedUnion('payment', [
  z.object({ payment: z.literal('monthly'), amountFen: AmountFenSchema, startMonth: MonthSchema }),
  z.object({ payment: z.literal('one_off'), amountFen: AmountFenSchema }),
])
export type Decision = z.infer<typeof DecisionSchema>

/** The amount as the review system may send it: in fen, or in yuan with up to 2 decimals (one of the two). */
const givenAmount = {
  amountFen: AmountFenSchema.optional().describe('金额，单位：分（与 amount 二选一）'),
  amount: z.number().positive().max(100_000).multipleOf(0.01).optional().describe('金额，单位：元，最多两位小数（与 amountFen 二选一）'),
}

/** The decision that comes with `approved` in a case event. */
export const DecisionInputSchema = z
  .discriminatedUnion('payment', [
    z.object({ payment: z.literal('monthly').describe('按月发放：每月金额和起始月份'), ...givenAmount, startMonth: MonthSchema }),
    z.object({ payment: z.literal('one_off').describe('一次性发放：只给一次的金额'), ...givenAmount }),
  ])
  .superRefine((decision, ctx) => {
    const given = [decision.amountFen, decision.amount].filter((value) => value !== undefined).length
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: '请给出金额（amountFen 或 amount，二选一）' })
  })
export type DecisionInput = z.infer<typeof DecisionInputSchema>

/** The decision as stored: the amount in fen. */
export function decisionOf(input: DecisionInput): Decision {
  const amountFen = input.amountFen ?? Math.round((input.amount ?? 0) * 100)
  return input.payment === 'monthly' ? { payment: 'monthly', amountFen, startMonth: input.startMonth } : { payment: 'one_off', amountFen }
}
