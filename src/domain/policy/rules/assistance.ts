import { compare, dividedBy, minus, roundHalfUp, times } from '../money'
import { isTekunCategory } from './facts'
import {
  INCOME_UNKNOWN,
  answerIs,
  assetsWithinLimit,
  incomeBelowStandard,
  incomeNearStandard,
  noExcludedProperty,
  perMember,
  resident,
  someMember,
  valueOf,
  wholeYuan,
  yuan,
} from './criteria'
import { STANDARD, type BenefitRule, type Criterion, type RuleContext } from './types'

const economicCheck = ['id_card', 'hukou_book', 'income_proof', 'economic_check_authorization'] as const

/**
 * 最低生活保障 (dibao). Shanxi's standards: as reported of Shanxi civil affairs' first half of 2025 (中国发展网, 2025-07-28).
 * Monthly amount: the gap to the standard for the whole household, round((S − P) × N).
 */
export const dibao: BenefitRule = {
  id: 'dibao',
  name: '最低生活保障',
  description: '家庭人均收入低于当地低保标准、财产符合规定的，按差额每月发放低保金',
  documents: economicCheck,
  parameters: [STANDARD, 'dibao.asset_months'],
  evaluate(context) {
    const income = incomeBelowStandard(context)
    const { standard, incomePerPerson, size } = context
    const gap = income.met === true && incomePerPerson ? times(minus(standard, incomePerPerson), size) : null
    return {
      criteria: [resident(context), income, assetsWithinLimit(context), noExcludedProperty(context)],
      monthlyAmount: gap ? roundHalfUp(gap) : null,
    }
  },
}

const categoryTexts = {
  who: '人属于特困供养对象范围（60 周岁以上老人、未满 18 周岁的未成年人或无劳动能力的重度残疾人）',
  no: '家中没有 60 周岁以上老人、未满 18 周岁的未成年人或无劳动能力的重度残疾人',
  unknown: '还不清楚家庭成员的年龄、残疾等级或劳动能力，暂时无法判断',
}

const supporterTexts = {
  yes: '没有能够赡养、抚养或扶养的法定义务人',
  no: '有能够赡养、抚养或扶养的法定义务人，一般不属于特困人员',
  unknown: '您还没有告诉我们是否有能赡养、抚养或扶养的亲属，暂时无法判断',
}

/** round(factor × S): one person's monthly living standard, whole yuan. */
const tekunLiving = (context: RuleContext) => wholeYuan(times(context.standard, valueOf(context, 'tekun.living_factor')))

/**
 * 特困人员救助供养 (tekun): older people, minors and severely disabled people unable to work, with
 * no one able to support them. Living standard: national guidance, 1.3 × the dibao standard.
 * Monthly amount: round(factor × S) for each member in the category.
 */
export const tekun: BenefitRule = {
  id: 'tekun',
  name: '特困人员救助供养',
  description: '无劳动能力、无生活来源、没有亲属能赡养抚养的老人、未成年人和重度残疾人，由政府供养',
  documents: economicCheck,
  parameters: [STANDARD, 'dibao.asset_months', 'tekun.living_factor'],
  evaluate(context) {
    return {
      criteria: [
        resident(context),
        someMember(context, 'category', isTekunCategory, categoryTexts),
        incomeBelowStandard(context),
        assetsWithinLimit(context),
        answerIs('supporter', context.household.hasCapableSupporter, false, supporterTexts),
      ],
      monthlyAmount: perMember(context, isTekunCategory, tekunLiving),
    }
  },
}

/**
 * 低保边缘家庭: income from the dibao standard up to 1.5 times it (national guidance on tiered
 * social assistance). No monthly payment: it opens medical, education and housing assistance.
 */
export const dibaoEdge: BenefitRule = {
  id: 'dibao_edge',
  name: '低保边缘家庭',
  description: '收入略高于低保标准的困难家庭，可获得医疗、教育、住房等专项救助',
  documents: economicCheck,
  parameters: [STANDARD, 'dibao.asset_months', 'dibao_edge.income_factor'],
  evaluate(context) {
    return {
      criteria: [
        resident(context),
        incomeNearStandard(context, 'dibao_edge.income_factor'),
        assetsWithinLimit(context),
        noExcludedProperty(context),
      ],
      monthlyAmount: null,
    }
  },
}

const expensesOf = (context: RuleContext) => context.household.rigidExpensesLast12Months ?? null

/** [expenses] some medical, education or similar unavoidable spending in the last 12 months. */
function rigidExpenses(context: RuleContext): Criterion {
  const spent = expensesOf(context)
  if (spent === null) return { id: 'expenses', met: null, text: '您还没有告诉我们过去 12 个月看病、上学等刚性支出，暂时无法判断' }
  return spent > 0
    ? { id: 'expenses', met: true, text: `过去 12 个月看病、上学等刚性支出共 ${yuan(spent)}` }
    : { id: 'expenses', met: false, text: '过去 12 个月没有看病、上学等刚性支出' }
}

/** [net_income] (12 × monthlyIncome − expenses) / N / 12 < S. */
function netIncome(context: RuleContext): Criterion {
  const { income, standard, standardText, size } = context
  const spent = expensesOf(context)
  if (!income) return { id: 'net_income', met: null, text: INCOME_UNKNOWN }
  if (spent === null) return { id: 'net_income', met: null, text: '您还没有告诉我们过去 12 个月的刚性支出，暂时无法判断' }
  const net = dividedBy(minus(times(income, 12), spent), size * 12)
  const met = compare(net, standard) < 0
  const left = net.num < 0 ? '不足 0 元' : yuan(net)
  return { id: 'net_income', met, text: `扣除刚性支出后，家庭人均月收入 ${left}，${met ? '低于' : '不低于'}${standardText}` }
}

/** [income_ceiling] 12 × P ≤ the annual disposable income ceiling. */
function incomeCeiling(context: RuleContext): Criterion {
  const { incomePerPerson } = context
  if (!incomePerPerson) return { id: 'income_ceiling', met: null, text: INCOME_UNKNOWN }
  const annual = times(incomePerPerson, 12)
  const ceiling = valueOf(context, 'rigid_expense.disposable_income_annual')
  const met = compare(annual, ceiling) <= 0
  return { id: 'income_ceiling', met, text: `家庭人均年收入 ${yuan(annual)}，${met ? '不超过' : '超过'} ${yuan(ceiling)}` }
}

/**
 * 刚性支出困难家庭: medical, education and similar unavoidable spending bring income after those
 * costs below the dibao standard. Income ceiling: illustrative. No monthly payment.
 */
export const rigidExpense: BenefitRule = {
  id: 'rigid_expense',
  name: '刚性支出困难家庭',
  description: '因看病、上学等刚性支出过大、扣除后生活困难的家庭，可获得专项救助',
  documents: ['id_card', 'hukou_book', 'income_proof', 'medical_bills', 'economic_check_authorization'],
  parameters: [STANDARD, 'rigid_expense.disposable_income_annual'],
  evaluate(context) {
    return {
      criteria: [resident(context), rigidExpenses(context), netIncome(context), incomeCeiling(context)],
      monthlyAmount: null,
    }
  },
}

const hardshipTexts = {
  yes: '家庭遭遇了突发事件、意外事故或重大疾病等，生活陷入困境',
  no: '家庭目前没有遭遇突发性困难',
  unknown: '您还没有告诉我们家庭是否遭遇突发困难，暂时无法判断',
}

/** 临时救助: for a sudden hardship (accident, fire, serious illness); decided case by case. */
export const temporaryAssistance: BenefitRule = {
  id: 'temporary_assistance',
  name: '临时救助',
  description: '因火灾、交通事故、突发重病等陷入生活困境的家庭或个人，可申请一次性临时救助',
  documents: ['id_card', 'hardship_proof'],
  parameters: [],
  basis: '《社会救助暂行办法》（国务院令第 649 号）第十章“临时救助”，2014 年 5 月 1 日起施行；金额由县级民政部门按困难情况确定',
  evaluate(context) {
    return {
      criteria: [answerIs('hardship', context.household.suddenHardship, true, hardshipTexts)],
      monthlyAmount: null,
    }
  },
}
