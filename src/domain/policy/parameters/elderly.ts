import { PARAMETERS_BEGIN, illustrative, type ParameterDefinition, type Reference } from './types'

/** The provincial programme that sets the 18,000-yuan cap on home modifications. */
const JINXIAO_HUANXIN: Reference = {
  title: '2025年山西省实施居家适老化改造产品消费补贴“晋孝焕新”行动方案',
  issuer: '山西省民政厅、省发展改革委、省财政厅、省商务厅',
  date: '2025-07-21',
  article: '购买适老化改造产品按实际销售价格的 30% 补贴，每人累计最高 1.8 万元，支付时直接立减',
  url: 'https://www.guandian.cn/article/20250721/499583.html',
  via: '观点网 2025-07-21 报道',
}

/** 养老服务：高龄津贴、失能老年人护理补贴、适老化改造. */
export const elderlyParameters = {
  /** 高龄津贴（80–89 周岁） */
  'high_age.monthly.80_89': {
    name: '高龄津贴（80–89 周岁）',
    unit: 'CNY / month',
    values: illustrative(50),
  },
  /** 高龄津贴（90–99 周岁） */
  'high_age.monthly.90_99': {
    name: '高龄津贴（90–99 周岁）',
    unit: 'CNY / month',
    values: illustrative(100),
  },
  /** 高龄津贴（100 周岁及以上） */
  'high_age.monthly.100_plus': {
    name: '高龄津贴（100 周岁及以上）',
    unit: 'CNY / month',
    values: illustrative(300),
  },
  /** 护理补贴（部分失能） */
  'elderly_care.monthly.partial': {
    name: '护理补贴（部分失能）',
    unit: 'CNY / month',
    values: illustrative(100),
  },
  /** 护理补贴（完全失能） */
  'elderly_care.monthly.none': {
    name: '护理补贴（完全失能）',
    unit: 'CNY / month',
    values: illustrative(200),
  },
  /** 适老化改造补贴上限（一次性） */
  'home_modification.max_amount': {
    name: '适老化改造补贴上限',
    unit: 'CNY, one-off',
    values: [
      // POLICY.md's figure from the start; no Shanxi source for it is known before the programme was issued.
      { from: PARAMETERS_BEGIN, value: 18000, status: 'illustrative', references: [], fromStated: false, note: '“晋孝焕新”行动方案（2025-07-21）印发前，没有找到山西省公布的上限' },
      { from: '2025-07-21', value: 18000, status: 'seed', references: [JINXIAO_HUANXIN], fromStated: true },
    ],
  },
} satisfies Record<string, ParameterDefinition>
