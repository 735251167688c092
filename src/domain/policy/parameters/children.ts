import { PARAMETERS_BEGIN, SHANXI_H1_2025_REPORT, UNDATED_SOURCE_NOTE, type ParameterDefinition } from './types'

const CHILD_STANDARDS = {
  ...SHANXI_H1_2025_REPORT,
  article: '关爱特殊群体：孤儿和事实无人抚养儿童基本生活保障标准，机构集中养育、社会散居分别提高到每人每月 2110 元、1405 元',
}

/** 儿童福利：孤儿和事实无人抚养儿童基本生活保障. */
export const childParameters = {
  /** 集中养育（机构）基本生活费 */
  'child.monthly.institution': {
    name: '儿童基本生活费（机构集中养育）',
    unit: 'CNY / month',
    values: [{ from: PARAMETERS_BEGIN, value: 2110, status: 'seed', references: [CHILD_STANDARDS], fromStated: false, note: UNDATED_SOURCE_NOTE }],
  },
  /** 社会散居（家庭）基本生活费 */
  'child.monthly.family': {
    name: '儿童基本生活费（社会散居）',
    unit: 'CNY / month',
    values: [{ from: PARAMETERS_BEGIN, value: 1405, status: 'seed', references: [CHILD_STANDARDS], fromStated: false, note: UNDATED_SOURCE_NOTE }],
  },
} satisfies Record<string, ParameterDefinition>
