import { useState } from 'react'
import { Button as NativeButton, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { TextField } from '@/components/TextField'
import { fill } from '@/lib/template'
import { formatInvitationCode, formatShanghaiDate, formatShanghaiTime, type Invitation, type Viewer } from '@/domain/claims'
import { ApiError } from '@/lib/api'
import { useStrings } from '@/lib/i18n'
import { platform } from '@/platform'
import { inviteRelative, revokeViewer } from '../api/applications'
import { copyText } from '../navigation'

export interface FamilyPanelProps {
  applicationId: string
  viewers: readonly Viewer[]
  onViewersChanged(viewers: Viewer[]): void
  /** The code just made, for the page's WeChat share card. */
  onInvitation(invitation: Invitation): void
}

const message = (error: unknown) => (error instanceof ApiError ? error.message : '')

/** 家人关注 (owner only): who follows the application, revoking them, and inviting another relative. */
export function FamilyPanel({ applicationId, viewers, onViewersChanged, onInvitation }: FamilyPanelProps) {
  const strings = useStrings().track.family
  const [label, setLabel] = useState('')
  const [invitation, setInvitation] = useState<Invitation>()
  const [creating, setCreating] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [copied, setCopied] = useState(false)

  async function invite() {
    setCreating(true)
    setFailure(undefined)
    try {
      const created = await inviteRelative(applicationId, label.trim() || undefined)
      setInvitation(created)
      setCopied(false)
      onInvitation(created)
    } catch (error) {
      setFailure(fill(strings.failed, { message: message(error) }))
    } finally {
      setCreating(false)
    }
  }

  return (
    <View className='jx-card jx-track-family' role='region' aria-label={strings.title}>
      <View className='jx-heading' role='heading' aria-level={2}>
        {strings.title}
      </View>
      <Text className='jx-body'>{strings.body[platform.name]}</Text>
      {viewers.length === 0 ? (
        <Text className='jx-body'>{strings.none}</Text>
      ) : (
        <View role='list'>
          {viewers.map((viewer) => (
            <ViewerRow key={viewer.id} applicationId={applicationId} viewer={viewer} onRevoked={onViewersChanged} />
          ))}
        </View>
      )}

      {invitation ? (
        <View className='jx-track-invitation' role='status'>
          <Text className='jx-body jx-track-explain__label'>{strings.code}</Text>
          <Text className='jx-track-invitation__code' selectable>
            {formatInvitationCode(invitation.code)}
          </Text>
          <Text className='jx-muted'>{fill(strings.expires, { time: formatShanghaiTime(invitation.expiresAt) })}</Text>
          <Text className='jx-body'>{strings.codeBody}</Text>
          {platform.canShareFromButton && (
            <NativeButton className='jx-button jx-button--primary' openType='share' aria-label={strings.share}>
              {strings.share}
            </NativeButton>
          )}
          <ActionButton label={strings.copy} onClick={() => void copyText(formatInvitationCode(invitation.code)).then(setCopied)} />
          {copied && <Text className='jx-body'>{strings.copied}</Text>}
          <View
            className='jx-link'
            role='button'
            onClick={() => {
              setInvitation(undefined)
              setLabel('')
            }}
          >
            {strings.another}
          </View>
        </View>
      ) : (
        <View className='jx-track-invite'>
          <TextField label={strings.labelField} hint={strings.labelHint} value={label} onChange={setLabel} />
          {failure && (
            <View className='jx-field-error' role='alert'>
              {failure}
            </View>
          )}
          <ActionButton primary label={strings.invite} loading={creating} onClick={() => void invite()} />
        </View>
      )}
    </View>
  )
}

function ViewerRow({ applicationId, viewer, onRevoked }: { applicationId: string; viewer: Viewer; onRevoked(viewers: Viewer[]): void }) {
  const strings = useStrings().track.family
  const [confirming, setConfirming] = useState(false)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<string>()

  async function revoke() {
    setSending(true)
    setFailure(undefined)
    try {
      onRevoked((await revokeViewer(applicationId, viewer.id)).viewers)
    } catch (error) {
      setFailure(fill(strings.revokeFailed, { message: message(error) }))
      setSending(false)
    }
  }

  return (
    <View className='jx-track-viewer' role='listitem'>
      <View className='jx-track-claims__row'>
        <Text className='jx-body'>{fill(strings.since, { label: viewer.label, date: formatShanghaiDate(viewer.acceptedAt) })}</Text>
        {!confirming && (
          <View className='jx-link' role='button' aria-label={fill(strings.revokeLabel, { label: viewer.label })} onClick={() => setConfirming(true)}>
            {strings.revoke}
          </View>
        )}
      </View>
      {confirming && (
        <View className='jx-track-confirm' role='group' aria-label={fill(strings.revokeLabel, { label: viewer.label })}>
          <Text className='jx-body'>{fill(strings.revokeConfirm, { label: viewer.label })}</Text>
          {failure && (
            <View className='jx-field-error' role='alert'>
              {failure}
            </View>
          )}
          <ActionButton primary label={strings.revokeYes} loading={sending} onClick={() => void revoke()} />
          <ActionButton label={strings.revokeNo} onClick={() => setConfirming(false)} />
        </View>
      )}
    </View>
  )
}
