import { normalizeIdNumber } from '@/domain/identity'
import { maskIdNumber as maskId, maskPhone as mask } from '@/domain/masking'
import { normalizePhone } from '@/domain/phone'

/** `1401**********123X`: the number as it will be kept, masked as the server masks it. */
export const maskIdNumber = (idNumber: string): string => maskId(normalizeIdNumber(idNumber))

/** `138****5678`: the number as it will be kept, masked as the server masks it. */
export const maskPhone = (phone: string): string => mask(normalizePhone(phone))
