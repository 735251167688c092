import { shell } from './shell'
import { screening } from './screening'
import { care } from './care'
import { apply } from './apply'

/**
 * 简体中文. Every string a person reads lives under src/locales, one file per feature, so another
 * language is one more folder. A feature adds its file here with one line.
 */
export const zhCN = {
  ...shell,
  ...screening,
  ...care,
  ...apply,
} as const

/** The shape every locale must have: the same keys, any text. */
type Widen<T> = T extends string ? string : T extends readonly (infer U)[] ? readonly Widen<U>[] : { readonly [K in keyof T]: Widen<T[K]> }
export type Messages = Widen<typeof zhCN>
