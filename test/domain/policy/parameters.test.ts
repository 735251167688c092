import { allInForce, parametersInForce } from '@/domain/policy/inForce'
import { ILLUSTRATIVE_SOURCE, PARAMETERS, PARAMETER_IDS, SEED_SOURCE, type ParameterId } from '@/domain/policy/parameters'
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

  test.each(policyTable)('%s is %p (%s, %s) from 2025-01-01', (id, value, unit, status) => {
    const inForce = parametersInForce('2025-08-01')[id]
    expect(inForce).toMatchObject({ id, value, unit, status, from: '2025-01-01' })
    expect(inForce?.name).toMatch(/\S/)
    if (status === 'seed') expect(inForce?.source).toBe(SEED_SOURCE)
    if (status === 'illustrative') expect(inForce?.source).toBe(ILLUSTRATIVE_SOURCE)
    if (status === 'national') expect(inForce?.source).toMatch(/国家/)
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
        'dibao.standard.urban': [{ from: '2025-10-01', value: 700, status: 'seed', source: '太原市民政局（示例）' }],
      },
    }

    test('applies in that city from its date on', () => {
      expect(parametersInForce('2025-10-01', '140100', overrides)['dibao.standard.urban']).toMatchObject({
        value: 700,
        from: '2025-10-01',
        source: '太原市民政局（示例）',
      })
    })

    test('leaves the provincial value before its date and in other cities', () => {
      expect(parametersInForce('2025-09-30', '140100', overrides)['dibao.standard.urban']?.value).toBe(669)
      expect(parametersInForce('2025-10-01', '140200', overrides)['dibao.standard.urban']?.value).toBe(669)
      expect(parametersInForce('2025-10-01', '140100', overrides)['dibao.standard.rural']?.value).toBe(555)
    })
  })
})
