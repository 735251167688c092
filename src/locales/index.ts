import { zhCN, type Messages } from './zh-CN'

export type { Messages }
export const locales = { 'zh-CN': zhCN } satisfies Record<string, Messages>
export type LocaleId = keyof typeof locales
export const defaultLocale: LocaleId = 'zh-CN'
