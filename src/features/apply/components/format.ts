import { BENEFIT_RULES } from '@/domain/policy/rules'
import type { BenefitId } from '@/domain/policy/rules/types'

/** `1401**********123X`: first 4 and last 4, as the server shows it. */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim().toUpperCase()
  return value.length === 18 ? `${value.slice(0, 4)}${'*'.repeat(10)}${value.slice(14)}` : value
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  const value = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')
  return value.length === 11 ? `${value.slice(0, 3)}****${value.slice(7)}` : phone
}

export function benefitName(id: BenefitId): string {
  return BENEFIT_RULES.find((rule) => rule.id === id)?.name ?? id
}
