import { fill } from '@/lib/template'

/** Prices are whole fen, shown as yuan: 800 → '8', 850 → '8.5'. */
export { yuanFromFen as yuan } from '@/domain/policy/money'

export interface DistanceStrings {
  metres: string
  kilometres: string
}

/**
 * A walking-scale distance for a list row: '350 米' (to 10 m) under 1 km, '1.2 公里' (to 100 m)
 * under 10 km, '12 公里' beyond. Rounded for reading, never for comparing.
 */
export function distanceText(metres: number, strings: DistanceStrings): string {
  if (metres < 995) return fill(strings.metres, { n: Math.max(10, Math.round(metres / 10) * 10) })
  if (metres < 9950) return fill(strings.kilometres, { n: (Math.round(metres / 100) / 10).toFixed(1) })
  return fill(strings.kilometres, { n: Math.round(metres / 1000) })
}
