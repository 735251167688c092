import { Text } from '@tarojs/components'
import { useStrings } from '@/lib/i18n'
import { fill } from '@/lib/template'

/** Whole yuan, grouped as residents read them on notices: 18000, not 18,000. */
const yuan = (amount: number) => String(Math.round(amount))

/**
 * An estimated amount: "约 269 元/月" for a monthly benefit, "最高 18000 元（一次性）" for a
 * one-off grant. Nothing when there is no amount to show.
 */
export function AmountText({ monthly, oneOff, className }: { monthly?: number | null; oneOff?: number | null; className?: string }) {
  const strings = useStrings().amounts
  const text =
    monthly !== null && monthly !== undefined
      ? fill(strings.monthly, { amount: yuan(monthly) })
      : oneOff !== null && oneOff !== undefined
        ? fill(strings.oneOff, { amount: yuan(oneOff) })
        : undefined
  if (!text) return null
  return <Text className={['jx-amount', className].filter(Boolean).join(' ')}>{text}</Text>
}
