import { shell } from './shell'
import { screening } from './screening'
import { care } from './care'
import { apply } from './apply'
import { uploads } from './uploads'
import { track } from './track'

/**
 * 简体中文. Every word the app's screens say lives under src/locales, one file per feature, so another
 * language is one more folder. A feature adds its file here with one line.
 */
export const zhCN = {
  ...shell,
  ...screening,
  ...care,
  ...apply,
  ...uploads,
  ...track,
} as const

/** The shape every locale must have: the same keys, any text. */
type Widen<T> = T extends string ? string : T extends readonly (infer U)[] ? readonly Widen<U>[] : { readonly [K in keyof T]: Widen<T[K]> }
export type Messages = Widen<typeof zhCN>
