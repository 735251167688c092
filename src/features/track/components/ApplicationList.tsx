import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { LoadingCards } from '@/components/LoadingCards'
import { fill } from '@/lib/template'
import type { ApplicationSummary } from '@/domain/application'
import { formatDueDate, formatShanghaiDate } from '@/domain/claims'
import { useStrings } from '@/lib/i18n'
import { useReloadOnToken, useRemote } from '@/lib/useRemote'
import { listApplications } from '../api/applications'
import { dueText } from '../model/due'
import { openAccept, openApply, openDetail, openScreening } from '../navigation'
import { StatusTag } from './StatusTag'
import './track.scss'

export interface ApplicationListProps {
  /** The page bumps this on pull-to-refresh and when it is shown again; the list is read again. */
  refreshToken?: number
  onRefreshed?(): void
}

/** 我的申请: every application the person made or follows, each benefit's status in words, what needs them first. */
export function ApplicationList({ refreshToken = 0, onRefreshed }: ApplicationListProps) {
  const all = useStrings()
  const strings = all.track.list
  const { state, reload } = useRemote(listApplications, 'applications')

  // Pull-to-refresh and coming back: read again, then let the page stop its spinner.
  useReloadOnToken(refreshToken, reload, onRefreshed)

  const codeEntry = (
    <View className='jx-card jx-track-code'>
      <Text className='jx-body'>{strings.haveCode}</Text>
      <View className='jx-link' role='link' onClick={openAccept}>
        {strings.enterCode}
      </View>
    </View>
  )

  if (state.status === 'loading') return <LoadingCards label={strings.loading} rows={[3, 3]} />

  if (state.status !== 'loaded') {
    return (
      <View className='jx-track'>
        <View className='jx-card' role='alert'>
          <Text className='jx-heading'>{strings.errorTitle}</Text>
          <Text className='jx-body'>{(state.status === 'error' && state.message) || all.errors.server}</Text>
          <ActionButton primary label={strings.retry} onClick={() => void reload()} />
        </View>
      </View>
    )
  }

  const { applications } = state.data
  if (applications.length === 0) {
    return (
      <View className='jx-track'>
        <View className='jx-card'>
          <View className='jx-heading' role='heading' aria-level={1}>
            {strings.emptyTitle}
          </View>
          <Text className='jx-body'>{strings.emptyBody}</Text>
          <ActionButton primary label={strings.screen} onClick={openScreening} />
          <ActionButton label={strings.apply} onClick={openApply} />
        </View>
        {codeEntry}
      </View>
    )
  }

  return (
    <View className='jx-track' aria-busy={state.refreshing}>
      {state.failure !== undefined && (
        <View className='jx-card jx-track-alert' role='alert'>
          <Text className='jx-body'>{state.failure || all.errors.server}</Text>
        </View>
      )}
      <View className='jx-track-list' role='list'>
        {applications.map((application) => (
          <ApplicationCard key={application.id} application={application} />
        ))}
      </View>
      {codeEntry}
    </View>
  )
}

function ApplicationCard({ application }: { application: ApplicationSummary }) {
  const track = useStrings().track
  const strings = track.list
  const title = fill(application.role === 'owner' ? strings.mine : strings.shared, { name: application.beneficiary.name })
  const action = application.nextAction
  return (
    <View
      className={action ? 'jx-card jx-track-card jx-track-card--action' : 'jx-card jx-track-card'}
      role='listitem'
    >
      <View className='jx-track-card__open' role='link' aria-label={fill(strings.openLabel, { name: application.beneficiary.name })} onClick={() => openDetail(application.id)}>
        <View className='jx-heading' role='heading' aria-level={2}>
          {title}
        </View>
        <Text className='jx-muted'>{fill(strings.submittedOn, { date: formatShanghaiDate(application.createdAt) })}</Text>
        <Text className='jx-muted'>{fill(strings.reference, { reference: application.reference })}</Text>
        {action && (
          <View className='jx-track-action'>
            <Text className='jx-body jx-track-action__title'>{strings.actionTitle}</Text>
            <Text className='jx-body'>
              {fill(application.role === 'owner' ? strings.action : strings.sharedAction, {
                benefit: action.benefitName,
                date: formatDueDate(action.dueDate),
                due: dueText(action.dueDate, track.due),
              })}
            </Text>
          </View>
        )}
        <View className='jx-track-claims' role='list'>
          {application.claims.map((claim) => (
            <View key={claim.id} className='jx-track-claims__row' role='listitem'>
              <Text className='jx-body'>{claim.benefitName}</Text>
              <StatusTag status={claim.status} label={claim.statusLabel} />
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
