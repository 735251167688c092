import { MEAL_KINDS, type MealKind, type Meals } from '@/domain/care/facility'
import type { Messages } from '@/locales'
import { fill } from '@/lib/template'
import { yuan } from './format'

type CareStrings = Messages['careFinder']

/** The meal a list row quotes: lunch, which nearly every canteen serves, else the first served. */
export function headlineMeal(meals: Meals | undefined): { kind: MealKind; elderPriceFen: number } | undefined {
  if (!meals) return undefined
  const kind = meals.lunch ? 'lunch' : MEAL_KINDS.find((k) => meals[k] !== undefined)
  const price = kind ? meals[kind] : undefined
  return kind && price ? { kind, elderPriceFen: price.elderPriceFen } : undefined
}

/** '午餐老人价 8 元'. */
export function elderPriceText(meals: Meals | undefined, strings: CareStrings): string | undefined {
  const meal = headlineMeal(meals)
  return meal ? fill(strings.list.elderPrice, { meal: strings.meals[meal.kind], price: yuan(meal.elderPriceFen) }) : undefined
}
