import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { LoadingCards } from '@/components/LoadingCards'
import { fill } from '@/lib/template'
import { formatShanghaiTime, type ApplicationDetail, type Invitation, type Office } from '@/domain/claims'
import { useStrings } from '@/lib/i18n'
import { useReloadOnToken, useRemote } from '@/lib/useRemote'
import { platform } from '@/platform'
import { fetchApplication, recordSubscriptions } from '../api/applications'
import { call, openList } from '../navigation'
import { ClaimCard } from './ClaimCard'
import { FamilyPanel } from './FamilyPanel'
import './track.scss'

/** The WeChat subscribe-message template for status changes, set at build time; none, no button. */
const STATUS_TEMPLATE_ID = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? ''

export interface ApplicationDetailScreenProps {
  id: string | undefined
  /** The page bumps this on pull-to-refresh and when shown again. */
  refreshToken?: number
  onRefreshed?(): void
  onInvitation?(invitation: Invitation): void
}

/** 查进度: one application, each benefit with its status, meaning, next step and record; who to call; family. */
export function ApplicationDetailScreen({ id, refreshToken = 0, onRefreshed, onInvitation }: ApplicationDetailScreenProps) {
  const all = useStrings()
  const strings = all.track.detail
  const { state, reload, replace } = useRemote(() => (id ? fetchApplication(id) : Promise.reject(new Error('no id'))), id ?? '')

  // Pull-to-refresh and coming back: read again, then let the page stop its spinner.
  useReloadOnToken(refreshToken, reload, onRefreshed)

  if (!id || state.status === 'not_found') {
    return (
      <View className='jx-card' role='alert'>
        <Text className='jx-body'>{strings.notFound}</Text>
        <ActionButton label={strings.backToList} onClick={openList} />
      </View>
    )
  }
  if (state.status === 'loading') return <LoadingCards label={strings.loading} rows={[3, 6]} />
  if (state.status === 'error') {
    return (
      <View className='jx-card' role='alert'>
        <Text className='jx-heading'>{strings.errorTitle}</Text>
        <Text className='jx-body'>{state.message ?? all.errors.server}</Text>
        <ActionButton primary label={strings.retry} onClick={() => void reload()} />
      </View>
    )
  }

  const application = state.data
  return (
    <View className='jx-track' aria-busy={state.refreshing}>
      {state.failure !== undefined && (
        <View className='jx-card jx-track-alert' role='alert'>
          <Text className='jx-body'>{state.failure || all.errors.server}</Text>
        </View>
      )}
      <View className='jx-card'>
        <View className='jx-title' role='heading' aria-level={1}>
          {fill(strings.title, { name: application.beneficiary.name })}
        </View>
        <Text className='jx-muted'>{fill(strings.submittedAt, { time: formatShanghaiTime(application.createdAt) })}</Text>
        <Text className='jx-muted'>
          {strings.number}：
          <Text selectable>{application.reference}</Text>
        </Text>
        {application.role === 'viewer' && <Text className='jx-body jx-track-notice'>{strings.viewerNotice}</Text>}
      </View>

      {application.role === 'owner' && application.missingDocuments.length > 0 && (
        <View className='jx-card' role='region' aria-label={strings.missingTitle}>
          <View className='jx-heading' role='heading' aria-level={2}>
            {strings.missingTitle}
          </View>
          <Text className='jx-body'>{fill(strings.missingBody, { documents: application.missingDocuments.map((document) => document.name).join('、') })}</Text>
        </View>
      )}

      {application.claims.map((claim) => (
        <ClaimCard key={claim.id} applicationId={application.id} claim={claim} role={application.role} onChanged={replace} />
      ))}

      <Offices offices={officesOf(application)} />
      {platform.canSubscribe ? STATUS_TEMPLATE_ID && <NotifyMe templateId={STATUS_TEMPLATE_ID} /> : <NoMessagesHere />}
      {application.role === 'owner' && (
        <FamilyPanel
          applicationId={application.id}
          viewers={application.viewers}
          onViewersChanged={(viewers) => replace({ ...application, viewers })}
          onInvitation={(invitation) => onInvitation?.(invitation)}
        />
      )}
      <ActionButton label={strings.refresh} loading={state.refreshing} onClick={() => void reload()} />
    </View>
  )
}

/** Each office handling a claim, once. */
function officesOf(application: ApplicationDetail): Office[] {
  const seen = new Map<string, Office>()
  for (const claim of application.claims) if (claim.office) seen.set(`${claim.office.name}|${claim.office.phone}`, claim.office)
  return [...seen.values()]
}

function Offices({ offices }: { offices: readonly Office[] }) {
  const strings = useStrings().track.detail
  return (
    <View className='jx-card' role='region' aria-label={strings.officeTitle}>
      <View className='jx-heading' role='heading' aria-level={2}>
        {strings.officeTitle}
      </View>
      {offices.length === 0 ? (
        <>
          <Text className='jx-body'>{strings.noOffice}</Text>
          <ActionButton label={strings.hotline} onClick={() => call('12345')} />
        </>
      ) : (
        offices.map((office) => (
          <View key={`${office.name}${office.phone}`} className='jx-track-office'>
            <Text className='jx-body'>{fill(strings.office, { name: office.name, phone: office.phone })}</Text>
            <ActionButton
              primary
              label={fill(strings.call, { name: office.name })}
              accessibleName={fill(strings.callLabel, { name: office.name, phone: office.phone })}
              onClick={() => call(office.phone)}
            />
          </View>
        ))
      )}
    </View>
  )
}

/** Where status messages cannot be sent (the web): say so, and where they can be had. */
function NoMessagesHere() {
  const strings = useStrings().track.notify
  return (
    <View className='jx-card' role='region' aria-label={strings.webTitle}>
      <View className='jx-heading' role='heading' aria-level={2}>
        {strings.webTitle}
      </View>
      <Text className='jx-body'>{strings.web}</Text>
    </View>
  )
}

/** WeChat subscribe messages: asked for only when the person taps, as WeChat requires. */
function NotifyMe({ templateId }: { templateId: string }) {
  const strings = useStrings().track.notify
  const [answer, setAnswer] = useState<'done' | 'declined'>()
  async function ask() {
    const accepted = await platform.requestSubscription([templateId])
    if (accepted.length === 0) {
      setAnswer('declined')
      return
    }
    try {
      await recordSubscriptions(accepted)
      setAnswer('done')
    } catch {
      setAnswer('declined')
    }
  }
  return (
    <View className='jx-card'>
      {answer !== 'done' && <ActionButton label={strings.action} onClick={() => void ask()} />}
      {answer && (
        <View className='jx-body' role='status'>
          {strings[answer]}
        </View>
      )}
    </View>
  )
}
