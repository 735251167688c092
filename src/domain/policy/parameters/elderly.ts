import { ILLUSTRATIVE_SOURCE, SEED_SOURCE, from2025, type ParameterDefinition } from './types'

/** 养老服务：高龄津贴、失能老年人护理补贴、适老化改造. */
export const elderlyParameters = {
  /** 高龄津贴（80–89 周岁） */
  'high_age.monthly.80_89': {
    name: '高龄津贴（80–89 周岁）',
    unit: 'CNY / month',
    values: from2025(50, 'illustrative', ILLUSTRATIVE_SOURCE),
  },
  /** 高龄津贴（90–99 周岁） */
  'high_age.monthly.90_99': {
    name: '高龄津贴（90–99 周岁）',
    unit: 'CNY / month',
    values: from2025(100, 'illustrative', ILLUSTRATIVE_SOURCE),
  },
  /** 高龄津贴（100 周岁及以上） */
  'high_age.monthly.100_plus': {
    name: '高龄津贴（100 周岁及以上）',
    unit: 'CNY / month',
    values: from2025(300, 'illustrative', ILLUSTRATIVE_SOURCE),
  },
  /** 护理补贴（部分失能） */
  'elderly_care.monthly.partial': {
    name: '护理补贴（部分失能）',
    unit: 'CNY / month',
    values: from2025(100, 'illustrative', ILLUSTRATIVE_SOURCE),
  },
  /** 护理补贴（完全失能） */
  'elderly_care.monthly.none': {
    name: '护理补贴（完全失能）',
    unit: 'CNY / month',
    values: from2025(200, 'illustrative', ILLUSTRATIVE_SOURCE),
  },
  /** 适老化改造补贴上限（一次性） */
  'home_modification.max_amount': {
    name: '适老化改造补贴上限',
    unit: 'CNY, one-off',
    values: from2025(18000, 'seed', SEED_SOURCE),
  },
} satisfies Record<string, ParameterDefinition>
