import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { fill } from '@/lib/template'
import { INCOME_SOURCE_LABELS, INCOME_SOURCES } from '@/domain/application'
import { findCounty, placeName } from '@/domain/care/regions'
import { useStrings } from '@/lib/i18n'
import type { ApplyForm } from '../model/form'
import type { StepId } from '../model/steps'
import { benefitName } from '@/domain/policy/rules'
import { maskIdNumber, maskPhone } from './format'
import { checklistFor } from '../model/checklist'
import './apply.scss'

function Section({ title, step, onChange, children }: { title: string; step: StepId; onChange(step: StepId): void; children: ReactNode }) {
  const strings = useStrings().apply.review
  return (
    <View className='jx-card jx-apply-review__section' role='region' aria-label={title}>
      <View className='jx-apply-review__head'>
        <View className='jx-heading' role='heading' aria-level={2}>
          {title}
        </View>
        <View className='jx-link' role='link' aria-label={fill(strings.changeLabel, { section: title })} onClick={() => onChange(step)}>
          {strings.change}
        </View>
      </View>
      {children}
    </View>
  )
}

const Line = ({ children }: { children: ReactNode }) => <Text className='jx-body'>{children}</Text>

/** Everything on one page, ID numbers and phones masked, each section with a 修改 link back to its step. */
export function ReviewSummary({ form, onChange }: { form: ApplyForm; onChange(step: StepId): void }) {
  const all = useStrings().apply
  const strings = all.review
  const titles = all.steps
  const relations = all.applicant.relations
  const relationName = (key: string) => (relations as Record<string, string>)[key] ?? key
  const address = form.address
  const county = findCounty(address.countyCode)
  const total = INCOME_SOURCES.reduce((sum, source) => sum + (Number(form.income[source]) || 0), 0)
  const checklist = checklistFor(form)
  return (
    <View className='jx-apply-review'>
      <Section title={titles.applicant} step='applicant' onChange={onChange}>
        <Line>
          {form.applicantKind === 'relative'
            ? fill(strings.applicantRelative, { relation: relationName(form.relative.relation), name: form.relative.name, phone: maskPhone(form.relative.phone) })
            : strings.applicantSelf}
        </Line>
      </Section>
      <Section title={titles.identity} step='identity' onChange={onChange}>
        <Line>{form.name}</Line>
        <Line>{maskIdNumber(form.idNumber)}</Line>
      </Section>
      <Section title={titles.contact} step='contact' onChange={onChange}>
        <Line>{form.phone ? maskPhone(form.phone) : '—'}</Line>
      </Section>
      <Section title={titles.address} step='address' onChange={onChange}>
        <Line>{[county ? placeName(county.code) : '', address.township, address.detail].filter(Boolean).join(' ')}</Line>
      </Section>
      <Section title={titles.members} step='members' onChange={onChange}>
        {form.members.length === 0 ? (
          <Line>{strings.noMembers}</Line>
        ) : (
          form.members.map((member, index) => (
            <Line key={index}>
              {member.name}（{relationName(member.relation)}）{maskIdNumber(member.idNumber)}
            </Line>
          ))
        )}
      </Section>
      <Section title={titles.income} step='income' onChange={onChange}>
        {INCOME_SOURCES.filter((source) => Number(form.income[source]) > 0).map((source) => (
          <Line key={source}>{fill(strings.incomeLine, { source: INCOME_SOURCE_LABELS[source], amount: form.income[source] })}</Line>
        ))}
        <Line>{fill(strings.incomeTotal, { amount: total })}</Line>
      </Section>
      <Section title={titles.assets} step='assets' onChange={onChange}>
        <Line>
          {all.assets.deposits} {form.assets.deposits} {all.assets.yuan}；{all.assets.investments} {form.assets.investments} {all.assets.yuan}
        </Line>
        <Line>
          {all.assets.vehicles} {form.assets.vehicles}；{all.assets.otherHomes} {form.assets.otherHomes}
        </Line>
      </Section>
      <Section title={titles.benefits} step='benefits' onChange={onChange}>
        <Line>{form.benefits.map(benefitName).join('、')}</Line>
      </Section>
      <Section title={titles.documents} step='documents' onChange={onChange}>
        {checklist.map((item) => {
          const files = form.documents[item.id] ?? []
          return (
            <Line key={item.id}>
              {item.name}：{files.length > 0 ? fill(all.documents.uploaded, { n: files.length }) : strings.noDocuments}
            </Line>
          )
        })}
      </Section>
      <Section title={titles.consent} step='consent' onChange={onChange}>
        <Line>{form.privacy ? `✓ ${all.consent.privacyTitle}` : '—'}</Line>
        <Line>{form.sensitive ? `✓ ${all.consent.sensitiveTitle}` : '—'}</Line>
      </Section>
    </View>
  )
}
