import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { AmountText } from '@/components/AmountText'
import { fill } from '@/lib/template'
import { referenceText, type Reference } from '@/domain/policy'
import { BENEFIT_RULES } from '@/domain/policy/rules'
import { TIERS, todayInShanghai, type BenefitResult, type Tier } from '@/domain/screening'
import { startApplication } from '@/lib/applyHandoff'
import { useStrings } from '@/lib/i18n'
import type { Messages } from '@/locales'
import { loadDraft, newDraft } from '../model/draft'
import { screenAnswers, showsAmount, toRequest, usesIllustrative } from '../model/results'
import { callHotline, openHome, openQuestions } from '../navigation'
import { AnswerSummary } from './AnswerSummary'
import './screening.scss'

type Strings = Messages['screening']

const MARKS = { met: '✓', notMet: '✗', unknown: '?' } as const

function Reason({ met, text, strings }: { met: boolean | null; text: string; strings: Strings }) {
  const kind = met === null ? 'unknown' : met ? 'met' : 'notMet'
  return (
    <View className={`jx-reason jx-reason--${kind}`}>
      <Text className='jx-reason__mark' aria-hidden='true'>
        {MARKS[kind]}
      </Text>
      <Text className='jx-body jx-reason__text'>
        <Text className='jx-visually-hidden'>{strings.results.reasonLabels[kind]}</Text>
        {text}
      </Text>
    </View>
  )
}

function unitText(strings: Strings, unit: string): string {
  return (strings.units as Record<string, string>)[unit] ?? unit
}

/** Where each number comes from and since when: one line per parameter, then its sources once. */
function PolicyBasis({ result, strings }: { result: BenefitResult; strings: Strings }) {
  if (result.parameters.length === 0) {
    const basis = BENEFIT_RULES.find((rule) => rule.id === result.benefit)?.basis
    return basis ? (
      <View className='jx-benefit__policy'>
        <Text className='jx-muted jx-benefit__policy-title'>{strings.results.policyTitle}</Text>
        <Text className='jx-muted'>{basis}</Text>
      </View>
    ) : null
  }
  const references = new Map<string, Reference>()
  for (const parameter of result.parameters) for (const reference of parameter.references) references.set(referenceText(reference), reference)
  const notes = [...new Set(result.parameters.flatMap((parameter) => (parameter.note ? [parameter.note] : [])))]
  return (
    <View className='jx-benefit__policy'>
      <Text className='jx-muted jx-benefit__policy-title'>{strings.results.policyTitle}</Text>
      {result.parameters.map((parameter) => (
        <Text key={parameter.id} className='jx-muted'>
          {fill(parameter.fromStated ? strings.results.policyLine : strings.results.policyLineAdopted, {
            name: parameter.name,
            value: `${parameter.value} ${unitText(strings, parameter.unit)}`,
            from: parameter.from,
          })}
        </Text>
      ))}
      {[...references].map(([key, reference]) => (
        <View key={key} className='jx-benefit__reference'>
          <Text className='jx-muted'>{fill(strings.results.referenceLine, { issuer: reference.issuer, title: reference.title, date: reference.date })}</Text>
          {reference.article && <Text className='jx-muted'>{reference.article}</Text>}
          {reference.url && (
            <Text className='jx-muted' selectable>
              {fill(reference.via ? strings.results.referenceUrlVia : strings.results.referenceUrl, { url: reference.url, via: reference.via ?? '' })}
            </Text>
          )}
        </View>
      ))}
      {notes.map((note) => (
        <Text key={note} className='jx-muted'>
          {fill(strings.results.noteLine, { note })}
        </Text>
      ))}
    </View>
  )
}

function BenefitCard({ result, strings }: { result: BenefitResult; strings: Strings }) {
  const illustrative = usesIllustrative(result)
  const withAmount = showsAmount(result)
  const hasAmount = result.monthlyAmount !== null || result.maxOneOffAmount !== null
  return (
    <View className={`jx-card jx-benefit jx-benefit--${result.tier}`} role='group' aria-label={result.name}>
      <View className='jx-benefit__head'>
        <View className='jx-heading' role='heading' aria-level={3}>
          {result.name}
        </View>
        {illustrative && withAmount && (
          <Tag plain background='var(--jx-color-warning)' className='jx-benefit__tag'>
            {strings.results.illustrativeTag}
          </Tag>
        )}
      </View>
      {withAmount &&
        (hasAmount ? (
          <AmountText monthly={result.monthlyAmount} oneOff={result.maxOneOffAmount} />
        ) : (
          <Text className='jx-muted'>{strings.results.amountUnknown}</Text>
        ))}
      {illustrative && withAmount && <Text className='jx-muted jx-benefit__note'>{strings.results.illustrativeNote}</Text>}
      <View className='jx-benefit__reasons'>
        {result.criteria.map((criterion) => (
          <Reason key={criterion.id} met={criterion.met} text={criterion.text} strings={strings} />
        ))}
      </View>
      {withAmount && <PolicyBasis result={result} strings={strings} />}
    </View>
  )
}

function TierGroup({ tier, results, strings }: { tier: Tier; results: BenefitResult[]; strings: Strings }) {
  const title = strings.results.groups[tier]
  return (
    <View className={`jx-tier jx-tier--${tier}`} role='region' aria-label={title}>
      <View className='jx-tier__head'>
        <View className='jx-heading' role='heading' aria-level={2}>
          {title}
          <Text className='jx-tier__count'>{fill(strings.results.count, { n: results.length })}</Text>
        </View>
        <Text className='jx-muted'>{strings.results.groupHints[tier]}</Text>
      </View>
      {results.length === 0 ? (
        <Text className='jx-body'>{strings.results.none}</Text>
      ) : (
        results.map((result) => <BenefitCard key={result.benefit} result={result} strings={strings} />)
      )}
    </View>
  )
}

function Hotline({ strings }: { strings: Strings }) {
  const results = strings.results
  return (
    <View className='jx-card'>
      <View className='jx-heading' role='heading' aria-level={2}>
        {results.hotlineTitle}
      </View>
      <Text className='jx-body'>{results.hotlineBody}</Text>
      <Button type='primary' block size='large' onClick={() => callHotline(results.hotlineNumber)}>
        {results.hotlineCall}
      </Button>
    </View>
  )
}

/**
 * The results, computed on the phone from the saved answers: three groups with each benefit's
 * reasons and estimated amount, one list of documents, the answers (each can be changed), the
 * disclaimer and the hotline.
 */
export function ResultsScreen({ today = todayInShanghai() }: { today?: string }) {
  const strings = useStrings().screening
  const [answers] = useState(() => (loadDraft() ?? newDraft()).answers)
  const screening = screenAnswers(answers, today)
  const results = strings.results
  const applyStrings = useStrings().apply

  if (screening.status !== 'screened') {
    return (
      <View className='jx-results'>
        <View className='jx-title' role='heading' aria-level={1}>
          {results.title}
        </View>
        <Text className='jx-body'>{screening.status === 'noPolicy' ? results.noPolicy : results.incomplete}</Text>
        <Button type='primary' block size='large' onClick={openQuestions}>
          {results.continueQuestions}
        </Button>
        <Hotline strings={strings} />
      </View>
    )
  }

  return (
    <View className='jx-results'>
      <View className='jx-results__head'>
        <View className='jx-title' role='heading' aria-level={1}>
          {results.title}
        </View>
        <Text className='jx-body'>{fill(results.intro, { date: screening.response.date })}</Text>
      </View>
      <View className='jx-card jx-results__disclaimer' role='note'>
        <Text className='jx-heading'>{results.disclaimer}</Text>
        <Text className='jx-body'>{results.disclaimerBody}</Text>
      </View>
      {TIERS.map((tier) => (
        <TierGroup key={tier} tier={tier} results={screening.groups[tier]} strings={strings} />
      ))}
      {screening.groups.likely.length + screening.groups.maybe.length > 0 && (
        <View className='jx-card'>
          <Text className='jx-body'>{applyStrings.applyTheseHint}</Text>
          <Button
            type='primary'
            block
            size='large'
            onClick={() => {
              const request = toRequest(answers)
              if (!request) return
              startApplication({
                screening: request,
                results: screening.response.results.map((result) => ({
                  benefit: result.benefit,
                  name: result.name,
                  tier: result.tier,
                  reasons: result.criteria.filter((criterion) => criterion.met === false).map((criterion) => criterion.text),
                })),
              })
            }}
          >
            {applyStrings.applyThese}
          </Button>
        </View>
      )}
      <View className='jx-card jx-results__documents' role='region' aria-label={results.documentsTitle}>
        <View className='jx-heading' role='heading' aria-level={2}>
          {results.documentsTitle}
        </View>
        {screening.documents.length === 0 ? (
          <Text className='jx-body'>{results.documentsNone}</Text>
        ) : (
          <>
            <Text className='jx-muted'>{results.documentsIntro}</Text>
            <View className='jx-documents' role='list'>
              {screening.documents.map((document) => (
                <View key={document.id} className='jx-documents__item' role='listitem'>
                  <Text className='jx-body jx-documents__name'>{document.name}</Text>
                  <Text className='jx-muted'>{document.description}</Text>
                  <Text className='jx-muted'>
                    {fill(results.documentFor, {
                      benefits: document.benefits.map((id) => screening.response.results.find((result) => result.benefit === id)?.name ?? id).join('、'),
                    })}
                  </Text>
                </View>
              ))}
            </View>
          </>
        )}
      </View>
      <AnswerSummary answers={answers} />
      <Text className='jx-body jx-results__disclaimer-again'>{results.disclaimer}</Text>
      <Hotline strings={strings} />
      <View className='jx-results__links'>
        <View className='jx-link' role='link' onClick={openHome}>
          {results.home}
        </View>
        <View className='jx-link' role='link' onClick={openQuestions}>
          {results.restart}
        </View>
      </View>
    </View>
  )
}
