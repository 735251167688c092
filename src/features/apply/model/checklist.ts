import { documentChecklist, DOCUMENTS } from '@/domain/documents'
import type { ApplyForm } from './form'

/** The checklist for the chosen benefits (and the 代办委托书 when a relative applies). */
export function checklistFor(form: ApplyForm) {
  const items = documentChecklist(form.benefits).map((item) => ({ id: item.id, name: item.name, description: item.description, benefits: item.benefits }))
  if (form.applicantKind === 'relative') {
    const authorization = DOCUMENTS.find((document) => document.id === 'relative_authorization')
    if (authorization) items.push({ id: authorization.id, name: authorization.name, description: authorization.description, benefits: [] })
  }
  return items
}
