import { SEED_SOURCE, from2025, type ParameterDefinition } from './types'

/** 儿童福利：孤儿和事实无人抚养儿童基本生活保障. */
export const childParameters = {
  /** 集中养育（机构）基本生活费 */
  'child.monthly.institution': {
    name: '儿童基本生活费（机构集中养育）',
    unit: 'CNY / month',
    values: from2025(2110, 'seed', SEED_SOURCE),
  },
  /** 社会散居（家庭）基本生活费 */
  'child.monthly.family': {
    name: '儿童基本生活费（社会散居）',
    unit: 'CNY / month',
    values: from2025(1405, 'seed', SEED_SOURCE),
  },
} satisfies Record<string, ParameterDefinition>
