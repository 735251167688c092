// Households as residents would describe them; plain data, so the built-weapp tests can use them too.
import type { Answers, MemberAnswers } from '@/features/screening/model/answers'

/** 王秀英, 82, lives alone in Taiyuan (city), no income, savings or property, nobody able to support her. */
export function wangXiuying(overrides: Partial<Answers> = {}, self: MemberAnswers = {}): Answers {
  return {
    cityCode: '140100',
    area: 'urban',
    hukouInShanxi: true,
    householdSize: 1,
    members: [{ age: 82, disabilityGrade: 0, selfCare: 'full', ...self }],
    monthlyIncome: 0,
    financialAssets: 0,
    hasExcludedProperty: false,
    rigidExpensesLast12Months: 0,
    hasCapableSupporter: false,
    suddenHardship: false,
    ...overrides,
  }
}

/**
 * 李建国's household in Changzhi's countryside: he is 45, his wife 43 with a grade-2 physical
 * disability, their son 16; 1500 yuan a month between them, 20000 in savings.
 */
export function liJianguoFamily(overrides: Partial<Answers> = {}): Answers {
  return {
    cityCode: '140400',
    area: 'rural',
    hukouInShanxi: true,
    householdSize: 3,
    members: [
      { age: 45, disabilityGrade: 0, canWork: true },
      { relation: 'spouse', age: 43, disabilityGrade: 2, disabilityKind: 'physical', canWork: false },
      { relation: 'child', age: 16, disabilityGrade: 0, childStatus: 'neither' },
    ],
    monthlyIncome: 1500,
    financialAssets: 20000,
    hasExcludedProperty: false,
    rigidExpensesLast12Months: 8000,
    hasCapableSupporter: null,
    suddenHardship: false,
    ...overrides,
  }
}
