import { allInForce, parametersInForce } from '@/domain/policy/inForce'
import { ILLUSTRATIVE_NOTE, PARAMETERS, PARAMETER_IDS, type ParameterId } from '@/domain/policy/parameters'
import type { RegionOverrides } from '@/domain/policy/parameters/overrides'

/** POLICY.md's table: id, value, unit, kind. */
const policyTable: [ParameterId, number, string, 'seed' | 'national' | 'illustrative'][] = [
  ['dibao.standard.urban', 669, 'CNY / person / month', 'seed'],
  ['dibao.standard.rural', 555, 'CNY / person / month', 'seed'],
  ['dibao.asset_months', 24, 'months of the standard, per person', 'illustrative'],
  ['tekun.living_factor', 1.3, '× dibao standard', 'national'],
  ['dibao_edge.income_factor', 1.5, '× dibao standard', 'national'],
  ['rigid_expense.disposable_income_annual', 30000, 'CNY / person / year', 'illustrative'],
  ['high_age.monthly.80_89', 50, 'CNY / month', 'illustrative'],
  ['high_age.monthly.90_99', 100, 'CNY / month', 'illustrative'],
  ['high_age.monthly.100_plus', 300, 'CNY / month', 'illustrative'],
  ['elderly_care.monthly.partial', 100, 'CNY / month', 'illustrative'],
  ['elderly_care.monthly.none', 200, 'CNY / month', 'illustrative'],
  ['disability_living.monthly', 90, 'CNY / month', 'illustrative'],
  ['severe_disability_care.monthly', 90, 'CNY / month', 'illustrative'],
  ['child.monthly.institution', 2110, 'CNY / month', 'seed'],
  ['child.monthly.family', 1405, 'CNY / month', 'seed'],
  ['home_modification.max_amount', 18000, 'CNY, one-off', 'seed'],
]

describe('parameters as dated data', () => {
  test('hold exactly the parameters of POLICY.md', () => {
    expect([...PARAMETER_IDS].sort()).toEqual(policyTable.map(([id]) => id).sort())
  })

  test.each(policyTable)('%s is %p (%s, %s) on 2025-08-01', (id, value, unit, status) => {
    const inForce = parametersInForce('2025-08-01')[id]
    expect(inForce).toMatchObject({ id, value, unit, status })
    expect(inForce?.name).toMatch(/\S/)
    if (status === 'illustrative') expect(inForce).toMatchObject({ references: [], note: ILLUSTRATIVE_NOTE, source: ILLUSTRATIVE_NOTE })
    if (status === 'national') expect(inForce?.source).toMatch(/^国家/)
  })

  test('a Shanxi figure names the report that gives it: title, issuer and date', () => {
    const dibao = parametersInForce('2025-08-01')['dibao.standard.urban']
    expect(dibao?.references).toEqual([
      expect.objectContaining({ title: '山西民政工作上半年成效显著：兜底保障有力 养老服务提质', issuer: '中国发展网', date: '2025-07-28' }),
    ])
    expect(dibao?.source).toBe('中国发展网《山西民政工作上半年成效显著：兜底保障有力 养老服务提质》（2025-07-28）')
    // The report does not say when the standard took effect: the screener's start, and it says so.
    expect(dibao).toMatchObject({ from: '2025-01-01', fromStated: false, note: expect.stringContaining('未写明执行日期') })
    expect(parametersInForce('2025-08-01')['child.monthly.institution']?.references[0]?.article).toContain('2110 元')
  })

  test('the home-modification cap is the 晋孝焕新 programme’s from the day it was issued, a placeholder before', () => {
    const issued = parametersInForce('2025-07-21')['home_modification.max_amount']
    expect(issued).toMatchObject({ value: 18000, status: 'seed', from: '2025-07-21', fromStated: true })
    expect(issued?.references[0]).toMatchObject({ issuer: '山西省民政厅、省发展改革委、省财政厅、省商务厅', date: '2025-07-21', via: '观点网 2025-07-21 报道' })
    expect(parametersInForce('2025-07-20')['home_modification.max_amount']).toMatchObject({ value: 18000, status: 'illustrative', from: '2025-01-01', references: [] })
  })

  test('every published value names a dated document, and a stated start date is one its document gives', () => {
    for (const { values } of Object.values(PARAMETERS)) {
      for (const value of values) {
        if (value.status === 'seed') expect(value.references.length).toBeGreaterThan(0)
        for (const reference of value.references) expect(reference).toMatchObject({ title: expect.stringMatching(/\S/), issuer: expect.stringMatching(/\S/), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
        if (value.fromStated) expect(value.references.map((reference) => reference.date)).toContain(value.from)
        else expect(value.note).toMatch(/\S/)
      }
    }
  })

  test('values are listed oldest first', () => {
    for (const { values } of Object.values(PARAMETERS)) {
      expect(values.map((v) => v.from)).toEqual([...values.map((v) => v.from)].sort())
    }
  })

  test('nothing is in force before 2025-01-01', () => {
    expect(parametersInForce('2024-12-31')).toEqual({})
    expect(allInForce(parametersInForce('2024-12-31'))).toBe(false)
    expect(allInForce(parametersInForce('2025-01-01'))).toBe(true)
  })

  test('no city overrides anything yet', () => {
    expect(parametersInForce('2025-08-01', '140100')).toEqual(parametersInForce('2025-08-01'))
  })

  describe('a city override', () => {
    const overrides: RegionOverrides = {
      '140100': {
        'dibao.standard.urban': [
          { from: '2025-10-01', value: 700, status: 'seed', references: [{ title: '关于调整城乡低保标准的通知（示例）', issuer: '太原市民政局', date: '2025-09-15' }], fromStated: false, note: '示例' },
        ],
      },
    }

    test('applies in that city from its date on', () => {
      expect(parametersInForce('2025-10-01', '140100', overrides)['dibao.standard.urban']).toMatchObject({
        value: 700,
        from: '2025-10-01',
        source: '太原市民政局《关于调整城乡低保标准的通知（示例）》（2025-09-15）',
      })
    })

    test('leaves the provincial value before its date and in other cities', () => {
      expect(parametersInForce('2025-09-30', '140100', overrides)['dibao.standard.urban']?.value).toBe(669)
      expect(parametersInForce('2025-10-01', '140200', overrides)['dibao.standard.urban']?.value).toBe(669)
      expect(parametersInForce('2025-10-01', '140100', overrides)['dibao.standard.rural']?.value).toBe(555)
    })
  })
})
