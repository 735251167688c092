// How personal data is shown in answers and logs (shared/API.md): enough to recognise, not enough to use.

const STAR = '*'

/**
 * 身份证号 masked to its first 4 and last 4 characters: `14010519491231002X` → `1401**********002X`.
 * Anything too short to keep 8 characters visible is masked entirely.
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim()
  if (value.length <= 8) return STAR.repeat(value.length)
  return value.slice(0, 4) + STAR.repeat(value.length - 8) + value.slice(-4)
}

/**
 * 手机号 masked to its first 3 and last 4 digits: `13812345678` → `138****5678`.
 * Anything too short to keep 7 characters visible is masked entirely.
 */
export function maskPhone(phone: string): string {
  const value = phone.trim()
  if (value.length <= 7) return STAR.repeat(value.length)
  return value.slice(0, 3) + STAR.repeat(value.length - 7) + value.slice(-4)
}

/** 姓名 masked to its first character: `张三丰` → `张**`. Counts characters, not UTF-16 units. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return STAR.repeat(chars.length)
  return chars[0] + STAR.repeat(chars.length - 1)
}
