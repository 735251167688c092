import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { TextField } from '@/components/TextField'
import { fill } from '@/lib/template'
import { CLAIM_STATUS_LABELS } from '@/domain/application'
import { canTransition, decisionText, expectedNextStatus, explanationOf, formatDueDate, formatShanghaiTime, type ApplicationDetail, type ClaimDetail } from '@/domain/claims'
import { ApiError } from '@/lib/api'
import { useStrings } from '@/lib/i18n'
import { withdrawClaim } from '../api/applications'
import { dueText } from '../model/due'
import { StatusTag } from './StatusTag'
import { SupplementForm } from './SupplementForm'

export interface ClaimCardProps {
  applicationId: string
  claim: ClaimDetail
  role: ApplicationDetail['role']
  onChanged(application: ApplicationDetail): void
}

/** One benefit of the application: where it stands, what that means, what comes next, and its record. */
export function ClaimCard({ applicationId, claim, role, onChanged }: ClaimCardProps) {
  const track = useStrings().track
  const strings = track.detail
  const explanation = explanationOf(claim.status, claim.benefit)
  const next = expectedNextStatus(claim.status, claim.benefit)
  const owner = role === 'owner'
  const requested = claim.status === 'needs_info' ? claim.requested : null

  return (
    <View className={requested ? 'jx-card jx-track-claim jx-track-card--action' : 'jx-card jx-track-claim'} role='region' aria-label={claim.benefitName}>
      <View className='jx-track-claim__head'>
        <View className='jx-heading' role='heading' aria-level={2}>
          {claim.benefitName}
        </View>
        <StatusTag status={claim.status} label={claim.statusLabel} />
      </View>
      {claim.decision && <Text className='jx-body jx-track-claim__decision'>{decisionText(claim.decision)}</Text>}
      <View className='jx-track-explain'>
        <Text className='jx-body'>
          <Text className='jx-track-explain__label'>{strings.happening}：</Text>
          {explanation.happening}
        </Text>
        <Text className='jx-body'>
          <Text className='jx-track-explain__label'>{strings.yourPart}：</Text>
          {explanation.yourPart}
        </Text>
        <Text className='jx-body'>
          <Text className='jx-track-explain__label'>{strings.duration}：</Text>
          {explanation.duration}
        </Text>
        {next && <Text className='jx-body'>{fill(strings.next, { label: CLAIM_STATUS_LABELS[next] })}</Text>}
      </View>

      {requested &&
        (owner ? (
          <SupplementForm applicationId={applicationId} claim={{ ...claim, requested }} onSupplied={onChanged} />
        ) : (
          <Text className='jx-body jx-track-action'>
            {fill(track.supplement.viewer, {
              date: `${formatDueDate(requested.dueDate)}（${dueText(requested.dueDate, track.due)}）`,
              items: askedOfApplicant(requested.items, track.supplement.questions),
            })}
          </Text>
        ))}

      <View className='jx-track-timeline' role='list' aria-label={strings.timeline}>
        <Text className='jx-body jx-track-explain__label'>{strings.timeline}</Text>
        {[...claim.timeline].reverse().map((entry, index) => (
          <View key={`${entry.at}-${index}`} className='jx-track-timeline__entry' role='listitem'>
            <Text className='jx-body jx-track-timeline__status'>{entry.statusLabel}</Text>
            <Text className='jx-muted'>{formatShanghaiTime(entry.at)}</Text>
            <Text className='jx-body'>{entry.note}</Text>
          </View>
        ))}
      </View>

      {owner && canTransition(claim.status, 'withdrawn', claim.benefit) && <Withdraw applicationId={applicationId} claim={claim} onWithdrawn={onChanged} />}
    </View>
  )
}

/** What is asked, as family read it: the documents by name and how many questions (whose words are the household's own). */
function askedOfApplicant(items: NonNullable<ClaimDetail['requested']>['items'], questions: string): string {
  const documents = items.flatMap((item) => (item.documentName ? [item.documentName] : []))
  const answers = items.filter((item) => item.kind === 'answer').length
  return [...documents, ...(answers > 0 ? [fill(questions, { n: answers })] : [])].join('、')
}

/** Withdrawing one benefit, after a confirmation on the page itself that says what withdrawing means. */
function Withdraw({ applicationId, claim, onWithdrawn }: { applicationId: string; claim: ClaimDetail; onWithdrawn(application: ApplicationDetail): void }) {
  const strings = useStrings().track.withdraw
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<string>()

  async function withdraw() {
    setSending(true)
    setFailure(undefined)
    try {
      onWithdrawn(await withdrawClaim(applicationId, claim.id, reason.trim() || undefined))
    } catch (error) {
      setFailure(fill(strings.failed, { message: error instanceof ApiError ? error.message : '' }))
      setSending(false)
    }
  }

  if (!confirming) {
    return (
      <View className='jx-link jx-track-withdraw' role='button' onClick={() => setConfirming(true)}>
        {strings.action}
      </View>
    )
  }
  return (
    <View className='jx-track-confirm' role='group' aria-label={fill(strings.title, { benefit: claim.benefitName })}>
      <View className='jx-heading' role='heading' aria-level={3}>
        {fill(strings.title, { benefit: claim.benefitName })}
      </View>
      <Text className='jx-body'>{strings.body}</Text>
      <TextField label={strings.reasonLabel} value={reason} onChange={setReason} />
      {failure && (
        <View className='jx-field-error' role='alert'>
          {failure}
        </View>
      )}
      <ActionButton primary label={strings.confirm} loading={sending} onClick={() => void withdraw()} />
      <ActionButton label={strings.cancel} onClick={() => setConfirming(false)} />
    </View>
  )
}
