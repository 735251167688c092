import { illustrative, type ParameterDefinition } from './types'

/** 残疾人两项补贴. */
export const disabilityParameters = {
  /** 困难残疾人生活补贴 */
  'disability_living.monthly': {
    name: '困难残疾人生活补贴',
    unit: 'CNY / month',
    values: illustrative(90),
  },
  /** 重度残疾人护理补贴 */
  'severe_disability_care.monthly': {
    name: '重度残疾人护理补贴',
    unit: 'CNY / month',
    values: illustrative(90),
  },
} satisfies Record<string, ParameterDefinition>
