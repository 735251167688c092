import { BENEFIT_RULES } from './policy/rules'
import type { BenefitId } from './policy/rules/types'

/** The documents an application may need (申请材料), one shared catalogue for all benefits. */
export const DOCUMENTS = [
  { id: 'id_card', name: '身份证', description: '申请人及家庭成员的居民身份证' },
  { id: 'hukou_book', name: '户口簿', description: '全家的户口簿，用来确认户籍和家庭成员' },
  { id: 'income_proof', name: '收入证明', description: '工资、养老金、经营等家庭收入的证明' },
  { id: 'disability_certificate', name: '残疾人证', description: '第二代中华人民共和国残疾人证，写明残疾类别和等级' },
  { id: 'self_care_assessment', name: '失能评估结果', description: '老年人生活自理能力（失能等级）评估结果' },
  { id: 'medical_bills', name: '医疗等支出票据', description: '近 12 个月看病、上学等刚性支出的票据或清单' },
  { id: 'hardship_proof', name: '困难情况证明', description: '火灾、交通事故、重病等突发困难的证明或说明' },
  { id: 'parents_death_or_missing_proof', name: '父母死亡或失踪证明', description: '父母的死亡证明或人民法院宣告失踪的文书' },
  { id: 'parents_situation_proof', name: '父母情况证明', description: '父母重残、重病、服刑、失联等无法履行抚养义务的证明' },
  { id: 'admission_letter', name: '录取通知书', description: '本年度普通高校（含高职）录取通知书' },
  { id: 'purchase_invoice', name: '购买或施工发票', description: '适老化改造的产品购买或施工发票' },
  { id: 'economic_check_authorization', name: '家庭经济状况核对授权书', description: '同意民政部门核对家庭收入和财产的书面授权' },
  { id: 'relative_authorization', name: '代办委托书', description: '替家人申请时，由本人签字的委托书和代办人身份证' },
] as const

export type DocumentId = (typeof DOCUMENTS)[number]['id']
export type Document = (typeof DOCUMENTS)[number]

export const DOCUMENT_IDS = DOCUMENTS.map((document) => document.id) as [DocumentId, ...DocumentId[]]

/** A document's name as the checklist says it: `hukou_book` → 户口簿. */
export function documentName(id: DocumentId): string {
  return DOCUMENTS.find((document) => document.id === id)?.name ?? id
}

/** One document to prepare, with the benefits that ask for it. */
export interface ChecklistItem {
  id: DocumentId
  name: string
  description: string
  benefits: BenefitId[]
}

/**
 * One de-duplicated checklist for an application that asks for several benefits: each document
 * once, in catalogue order, listing the benefits (in the order given) that need it.
 */
export function documentChecklist(benefitIds: readonly BenefitId[]): ChecklistItem[] {
  const wanted = new Set(benefitIds)
  return DOCUMENTS.flatMap((document): ChecklistItem[] => {
    const benefits = [...wanted].filter((benefit) =>
      BENEFIT_RULES.some((rule) => rule.id === benefit && rule.documents.includes(document.id)),
    )
    return benefits.length > 0 ? [{ id: document.id, name: document.name, description: document.description, benefits }] : []
  })
}
