import { DOCUMENTS, DOCUMENT_IDS, documentChecklist } from '@/domain/documents'
import { BENEFIT_RULES } from '@/domain/policy/rules'

describe('the document catalogue', () => {
  test('names and describes every document in zh-CN, once each', () => {
    expect(new Set(DOCUMENT_IDS).size).toBe(DOCUMENTS.length)
    expect(DOCUMENT_IDS).toEqual(expect.arrayContaining(['id_card', 'hukou_book', 'economic_check_authorization', 'relative_authorization']))
    for (const document of DOCUMENTS) {
      expect(document.name).toMatch(/[\u4e00-\u9fa5]/)
      expect(document.description).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  test('every benefit asks for documents from the catalogue, starting with the ID card', () => {
    for (const rule of BENEFIT_RULES) {
      expect(rule.documents[0]).toBe('id_card')
      for (const id of rule.documents) expect(DOCUMENT_IDS).toContain(id)
    }
  })
})

describe('documentChecklist', () => {
  test('lists each document once, with the benefits that need it', () => {
    const checklist = documentChecklist(['dibao', 'high_age_allowance', 'home_modification_subsidy'])
    expect(checklist.map((item) => item.id)).toEqual(['id_card', 'hukou_book', 'income_proof', 'purchase_invoice', 'economic_check_authorization'])
    expect(checklist[0]).toMatchObject({ name: '身份证', benefits: ['dibao', 'high_age_allowance', 'home_modification_subsidy'] })
    expect(checklist.find((item) => item.id === 'income_proof')?.benefits).toEqual(['dibao'])
  })

  test('is empty for no benefits and ignores repeats', () => {
    expect(documentChecklist([])).toEqual([])
    expect(documentChecklist(['temporary_assistance', 'temporary_assistance']).map((i) => [i.id, i.benefits])).toEqual([
      ['id_card', ['temporary_assistance']],
      ['hardship_proof', ['temporary_assistance']],
    ])
  })
})
