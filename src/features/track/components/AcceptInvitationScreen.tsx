import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { TextField } from '@/components/TextField'
import { InvitationCodeSchema, formatInvitationCode, isInvitationCode } from '@/domain/claims'
import { ApiError } from '@/lib/api'
import { useStrings } from '@/lib/i18n'
import { acceptInvitation } from '../api/applications'
import { showAccepted } from '../navigation'
import './track.scss'

/** A relative follows an application: the code from the share card (filled in) or typed from a message. */
export function AcceptInvitationScreen({ initialCode = '' }: { initialCode?: string }) {
  const all = useStrings()
  const strings = all.track.accept
  const [code, setCode] = useState(() => (isInvitationCode(initialCode) ? formatInvitationCode(initialCode) : initialCode))
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)

  async function accept() {
    const parsed = InvitationCodeSchema.safeParse(code)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      return
    }
    setSending(true)
    setError(undefined)
    try {
      const accepted = await acceptInvitation(parsed.data)
      showAccepted(accepted.applicationId)
    } catch (failure) {
      // Every refusal (unknown, used, expired, one's own) says what to do; the code stays to correct it.
      setError(failure instanceof ApiError ? failure.message : all.errors.server)
      setSending(false)
    }
  }

  return (
    <View className='jx-track'>
      <View className='jx-card'>
        <View className='jx-title' role='heading' aria-level={1}>
          {strings.title}
        </View>
        <Text className='jx-body'>{strings.body}</Text>
        <TextField label={strings.codeLabel} hint={strings.codeHint} value={code} onChange={setCode} error={error} />
        <ActionButton primary label={sending ? strings.accepting : strings.accept} loading={sending} onClick={() => void accept()} />
      </View>
    </View>
  )
}
