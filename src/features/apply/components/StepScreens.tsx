import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChoiceList } from '@/components/ChoiceList'
import { DocumentFiles } from '@/components/DocumentFiles'
import { fill } from '@/lib/template'
import { KIN_RELATIONS, INCOME_SOURCE_LABELS, INCOME_SOURCES } from '@/domain/application'
import { findCity, SHANXI_REGIONS } from '@/domain/care/regions'
import type { DocumentId } from '@/domain/documents'
import { checklistFor } from '../model/checklist'
import { ageOn, parseIdNumber } from '@/domain/identity'
import { BENEFIT_IDS, type BenefitId } from '@/domain/policy/rules/types'
import { todayInShanghai } from '@/domain/screening'
import type { ApplyHandoff } from '@/lib/applyHandoff'
import { useStrings } from '@/lib/i18n'
import { adultsToConfirm, emptyMember, type ApplyForm, type MemberInput } from '../model/form'
import { benefitName } from '@/domain/policy/rules'
import { CheckRow, TextField } from '@/components/TextField'
import './apply.scss'

export interface StepProps {
  form: ApplyForm
  onChange(form: ApplyForm): void
  errorFor(path: string): string | undefined
  headingId: string
  handoff?: ApplyHandoff
  today?: string
}

export function ApplicantStep({ form, onChange, errorFor, headingId }: StepProps) {
  const strings = useStrings().apply.applicant
  const relative = form.relative
  return (
    <View className='jx-apply'>
      <ChoiceList
        choices={[
          { key: 'self', label: strings.self },
          { key: 'relative', label: strings.relative },
        ]}
        value={form.applicantKind || undefined}
        onChange={(key) => onChange({ ...form, applicantKind: key === 'relative' ? 'relative' : 'self' })}
        labelledBy={headingId}
        error={errorFor('applicant')}
      />
      {form.applicantKind === 'relative' && (
        <View className='jx-card jx-apply-card'>
          <Text className='jx-heading'>{strings.relationLabel}</Text>
          <ChoiceList
            choices={KIN_RELATIONS.map((key) => ({ key, label: strings.relations[key] }))}
            value={relative.relation || undefined}
            onChange={(key) => onChange({ ...form, relative: { ...relative, relation: key } })}
            labelledBy={headingId}
            error={errorFor('applicant.relation')}
          />
          <TextField label={strings.nameLabel} value={relative.name} onChange={(name) => onChange({ ...form, relative: { ...relative, name } })} error={errorFor('applicant.name')} />
          <TextField label={strings.phoneLabel} type='tel' value={relative.phone} onChange={(phone) => onChange({ ...form, relative: { ...relative, phone } })} error={errorFor('applicant.phone')} />
          <Text className='jx-body'>{strings.authorizationHint}</Text>
        </View>
      )}
    </View>
  )
}

export function IdentityStep({ form, onChange, errorFor, today = todayInShanghai() }: StepProps) {
  const strings = useStrings().apply.identity
  const parsed = parseIdNumber(form.idNumber, today)
  const answeredAge = form.applicantKind === 'self' ? form.screening?.members[0]?.age : undefined
  const age = parsed.ok ? ageOn(parsed.value.birthDate, today) : undefined
  return (
    <View className='jx-apply'>
      <TextField label={strings.nameLabel} value={form.name} onChange={(name) => onChange({ ...form, name })} error={errorFor('beneficiary.name')} />
      <TextField label={strings.idLabel} hint={strings.idHint} type='idcard' value={form.idNumber} onChange={(idNumber) => onChange({ ...form, idNumber })} error={errorFor('beneficiary.idNumber')} />
      {parsed.ok && age !== undefined && (
        <View className='jx-card' role='status'>
          <Text className='jx-body'>{fill(strings.derived, { birthDate: parsed.value.birthDate, sex: strings[parsed.value.sex], age })}</Text>
          {typeof answeredAge === 'number' && Math.abs(answeredAge - age) > 1 && (
            <Text className='jx-body jx-apply-warning'>{fill(strings.ageMismatch, { age, answered: answeredAge })}</Text>
          )}
        </View>
      )}
    </View>
  )
}

export function ContactStep({ form, onChange, errorFor }: StepProps) {
  const strings = useStrings().apply.contact
  return (
    <View className='jx-apply'>
      <TextField
        label={strings.phoneLabel}
        hint={form.applicantKind === 'relative' ? `${strings.phoneHint}。${strings.optionalForRelative}` : strings.phoneHint}
        type='tel'
        value={form.phone}
        onChange={(phone) => onChange({ ...form, phone })}
        error={errorFor('beneficiary.phone')}
      />
    </View>
  )
}

export function AddressStep({ form, onChange, errorFor, headingId }: StepProps) {
  const strings = useStrings().apply.address
  const address = form.address
  const city = findCity(address.cityCode)
  const set = (patch: Partial<ApplyForm['address']>) => onChange({ ...form, address: { ...address, ...patch } })
  return (
    <View className='jx-apply'>
      <Text className='jx-heading'>{strings.cityLabel}</Text>
      <ChoiceList
        choices={SHANXI_REGIONS.map((item) => ({ key: item.code, label: item.name }))}
        value={address.cityCode || undefined}
        onChange={(cityCode) => set({ cityCode, countyCode: cityCode === address.cityCode ? address.countyCode : '' })}
        labelledBy={headingId}
        error={errorFor('beneficiary.address.cityCode')}
      />
      <Text className='jx-heading'>{strings.countyLabel}</Text>
      {city ? (
        <ChoiceList
          choices={city.counties.map((county) => ({ key: county.code, label: county.name }))}
          value={address.countyCode || undefined}
          onChange={(countyCode) => set({ countyCode })}
          labelledBy={headingId}
          error={errorFor('beneficiary.address.countyCode')}
        />
      ) : (
        <Text className='jx-muted'>{strings.chooseCity}</Text>
      )}
      <TextField label={strings.townshipLabel} value={address.township} onChange={(township) => set({ township })} error={errorFor('beneficiary.address.township')} />
      <TextField label={strings.detailLabel} value={address.detail} onChange={(detail) => set({ detail })} error={errorFor('beneficiary.address.detail')} />
    </View>
  )
}

function MemberCard({ member, index, onChange, onRemove, errorFor }: { member: MemberInput; index: number; onChange(member: MemberInput): void; onRemove(): void; errorFor(path: string): string | undefined }) {
  const strings = useStrings().apply
  const title = fill(strings.members.member, { n: index + 1 })
  return (
    <View className='jx-card jx-apply-card' role='group' aria-label={title}>
      <View className='jx-heading' role='heading' aria-level={2}>
        {title}
      </View>
      <TextField label={strings.members.nameLabel} value={member.name} onChange={(name) => onChange({ ...member, name })} error={errorFor(`members.${index}.name`)} />
      <Text className='jx-heading'>{strings.members.relationLabel}</Text>
      <ChoiceList
        choices={KIN_RELATIONS.map((key) => ({ key, label: strings.applicant.relations[key] }))}
        value={member.relation || undefined}
        onChange={(relation) => onChange({ ...member, relation })}
        labelledBy=''
        error={errorFor(`members.${index}.relation`)}
      />
      <TextField label={strings.members.idLabel} type='idcard' value={member.idNumber} onChange={(idNumber) => onChange({ ...member, idNumber })} error={errorFor(`members.${index}.idNumber`)} />
      <View className='jx-link' role='button' onClick={onRemove}>
        {strings.members.remove}
      </View>
    </View>
  )
}

export function MembersStep({ form, onChange, errorFor }: StepProps) {
  const strings = useStrings().apply.members
  const setMember = (index: number, member: MemberInput) => onChange({ ...form, members: form.members.map((m, i) => (i === index ? member : m)) })
  return (
    <View className='jx-apply'>
      <Text className='jx-body'>{strings.hint}</Text>
      {form.members.map((member, index) => (
        <MemberCard
          key={index}
          member={member}
          index={index}
          errorFor={errorFor}
          onChange={(next) => setMember(index, next)}
          onRemove={() => onChange({ ...form, members: form.members.filter((_, i) => i !== index) })}
        />
      ))}
      <Button block size='large' onClick={() => onChange({ ...form, members: [...form.members, emptyMember()] })}>
        {strings.add}
      </Button>
    </View>
  )
}

export function IncomeStep({ form, onChange, errorFor }: StepProps) {
  const strings = useStrings().apply.income
  return (
    <View className='jx-apply'>
      <Text className='jx-body'>{strings.hint}</Text>
      {INCOME_SOURCES.map((source) => (
        <TextField
          key={source}
          label={INCOME_SOURCE_LABELS[source]}
          type='digit'
          unit={strings.unit}
          value={form.income[source] ?? ''}
          onChange={(value) => onChange({ ...form, income: { ...form.income, [source]: value } })}
          error={errorFor(`income.${source}`)}
        />
      ))}
    </View>
  )
}

export function AssetsStep({ form, onChange, errorFor }: StepProps) {
  const strings = useStrings().apply.assets
  const fields = [
    { key: 'deposits', unit: strings.yuan, type: 'digit' },
    { key: 'investments', unit: strings.yuan, type: 'digit' },
    { key: 'vehicles', unit: strings.count, type: 'number' },
    { key: 'otherHomes', unit: strings.count, type: 'number' },
  ] as const
  return (
    <View className='jx-apply'>
      {fields.map((field) => (
        <TextField
          key={field.key}
          label={strings[field.key]}
          type={field.type}
          unit={field.unit}
          value={form.assets[field.key]}
          onChange={(value) => onChange({ ...form, assets: { ...form.assets, [field.key]: value } })}
          error={errorFor(`assets.${field.key}`)}
        />
      ))}
    </View>
  )
}

export function BenefitsStep({ form, onChange, errorFor, handoff }: StepProps) {
  const strings = useStrings().apply.benefits
  const [warning, setWarning] = useState<BenefitId | undefined>()
  const resultOf = (id: BenefitId) => handoff?.results.find((result) => result.benefit === id)
  const toggle = (id: BenefitId, chosen: boolean) =>
    onChange({ ...form, benefits: chosen ? BENEFIT_IDS.filter((b) => b === id || form.benefits.includes(b)) : form.benefits.filter((b) => b !== id) })
  const pending = warning ? resultOf(warning) : undefined
  return (
    <View className='jx-apply'>
      {handoff && <Text className='jx-body'>{strings.hint}</Text>}
      {errorFor('benefits') && <Text className='jx-field-error'>{errorFor('benefits')}</Text>}
      {BENEFIT_IDS.map((id) => (
        <CheckRow
          key={id}
          label={benefitName(id)}
          checked={form.benefits.includes(id)}
          onChange={(chosen) => {
            if (chosen && resultOf(id)?.tier === 'unlikely') setWarning(id)
            else toggle(id, chosen)
          }}
        />
      ))}
      {warning && (
        <View className='jx-card jx-apply-card jx-apply-warning' role='alertdialog' aria-label={benefitName(warning)}>
          <Text className='jx-body'>{fill(strings.unlikelyWarning, { reasons: pending?.reasons.join('；') ?? '' })}</Text>
          <Button
            type='primary'
            block
            size='large'
            onClick={() => {
              toggle(warning, true)
              setWarning(undefined)
            }}
          >
            {strings.unlikelyConfirm}
          </Button>
          <Button block size='large' onClick={() => setWarning(undefined)}>
            {strings.unlikelyCancel}
          </Button>
        </View>
      )}
    </View>
  )
}

export function DocumentsStep({ form, onChange }: StepProps) {
  const strings = useStrings().apply.documents
  // The form as it is now, for uploads that finish after other changes (each adds to the latest files).
  const formRef = useRef(form)
  formRef.current = form
  const setFiles = (documentId: DocumentId, files: ApplyForm['documents'][DocumentId]) => {
    const next = { ...formRef.current, documents: { ...formRef.current.documents, [documentId]: files } }
    formRef.current = next
    onChange(next)
  }

  return (
    <View className='jx-apply'>
      <Text className='jx-body'>{strings.hint}</Text>
      {checklistFor(form).map((item) => {
        const files = form.documents[item.id] ?? []
        const notes = item.benefits.length > 0 ? [item.description, fill(strings.neededFor, { benefits: item.benefits.map(benefitName).join('、') })] : [item.description]
        return (
          <DocumentFiles
            key={item.id}
            name={item.name}
            notes={notes}
            files={files}
            onAdd={(file) => setFiles(item.id, [...(formRef.current.documents[item.id] ?? []), file])}
            onRemove={(uploadId) => setFiles(item.id, (formRef.current.documents[item.id] ?? []).filter((file) => file.uploadId !== uploadId))}
          />
        )
      })}
    </View>
  )
}

export function ConsentStep({ form, onChange, errorFor, today }: StepProps) {
  const strings = useStrings().apply.consent
  const adults = adultsToConfirm(form, today)
  return (
    <View className='jx-apply'>
      <View className='jx-card jx-apply-card'>
        <View className='jx-heading' role='heading' aria-level={2}>
          {strings.privacyTitle}
        </View>
        <Text className='jx-body'>{strings.privacyBody}</Text>
        <CheckRow label={strings.privacyAgree} checked={form.privacy} onChange={(privacy) => onChange({ ...form, privacy })} error={errorFor('consents.privacyVersion')} />
      </View>
      <View className='jx-card jx-apply-card'>
        <View className='jx-heading' role='heading' aria-level={2}>
          {strings.sensitiveTitle}
        </View>
        <Text className='jx-body'>{strings.sensitiveBody}</Text>
        <CheckRow label={strings.sensitiveAgree} checked={form.sensitive} onChange={(sensitive) => onChange({ ...form, sensitive })} error={errorFor('consents.sensitiveInfoVersion')} />
      </View>
      {adults.length > 0 && (
        <View className='jx-card jx-apply-card'>
          <View className='jx-heading' role='heading' aria-level={2}>
            {strings.economicTitle}
          </View>
          <Text className='jx-body'>{strings.economicBody}</Text>
          {errorFor('consents.economicCheck') && <Text className='jx-field-error'>{errorFor('consents.economicCheck')}</Text>}
          {adults.map((adult) =>
            form.economicCheck[String(adult.memberIndex)] ? (
              <Text key={adult.memberIndex} className='jx-body'>
                ✓ {fill(strings.economicConfirmed, { name: adult.name })}
              </Text>
            ) : (
              <Button
                key={adult.memberIndex}
                block
                size='large'
                onClick={() => onChange({ ...form, economicCheck: { ...form.economicCheck, [String(adult.memberIndex)]: new Date().toISOString() } })}
              >
                {fill(strings.economicConfirm, { name: adult.name })}
              </Button>
            ),
          )}
        </View>
      )}
    </View>
  )
}
