import { PARAMETERS_BEGIN, SHANXI_H1_2025_REPORT, UNDATED_SOURCE_NOTE, illustrative, type ParameterDefinition } from './types'

const DIBAO_STANDARDS = { ...SHANXI_H1_2025_REPORT, article: '兜底保障：城市、农村低保标准分别提高到每人每月 669 元、555 元' }

/** 社会救助：低保、特困、低保边缘、刚性支出困难. */
export const assistanceParameters = {
  /** 城市低保标准 */
  'dibao.standard.urban': {
    name: '城市低保标准',
    unit: 'CNY / person / month',
    values: [{ from: PARAMETERS_BEGIN, value: 669, status: 'seed', references: [DIBAO_STANDARDS], fromStated: false, note: UNDATED_SOURCE_NOTE }],
  },
  /** 农村低保标准 */
  'dibao.standard.rural': {
    name: '农村低保标准',
    unit: 'CNY / person / month',
    values: [{ from: PARAMETERS_BEGIN, value: 555, status: 'seed', references: [DIBAO_STANDARDS], fromStated: false, note: UNDATED_SOURCE_NOTE }],
  },
  /** 家庭人均金融资产上限：低保标准的若干个月 */
  'dibao.asset_months': {
    name: '人均金融资产上限（低保标准的月数）',
    unit: 'months of the standard, per person',
    values: illustrative(24),
  },
  /** 特困人员基本生活标准：低保标准的倍数 */
  'tekun.living_factor': {
    name: '特困人员基本生活标准（低保标准的倍数）',
    unit: '× dibao standard',
    // POLICY.md's national figure; the national document that sets it is not cited here yet.
    values: [{ from: PARAMETERS_BEGIN, value: 1.3, status: 'national', references: [], fromStated: false, note: '国家特困人员救助供养政策：基本生活标准一般不低于当地低保标准的 1.3 倍' }],
  },
  /** 低保边缘家庭收入上限：低保标准的倍数 */
  'dibao_edge.income_factor': {
    name: '低保边缘家庭收入上限（低保标准的倍数）',
    unit: '× dibao standard',
    // As above: national guidance, its document not cited here yet.
    values: [{ from: PARAMETERS_BEGIN, value: 1.5, status: 'national', references: [], fromStated: false, note: '国家分层分类社会救助政策：低保边缘家庭人均收入一般不超过当地低保标准的 1.5 倍' }],
  },
  /** 刚性支出困难家庭人均可支配收入上限 */
  'rigid_expense.disposable_income_annual': {
    name: '刚性支出困难家庭人均年收入上限',
    unit: 'CNY / person / year',
    values: illustrative(30000),
  },
} satisfies Record<string, ParameterDefinition>
