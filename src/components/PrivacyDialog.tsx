import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useStrings } from '@/lib/i18n'
import { platform, privacyAgreeButtonId } from '@/platform'
import './PrivacyDialog.scss'

type Resolve = (agreed: boolean) => void
let pending: Resolve | undefined
const listeners = new Set<(open: boolean) => void>()

// WeChat asks once per privacy-related API call; whichever page is showing answers it.
platform.onNeedPrivacyAuthorization((resolve) => {
  pending = resolve
  listeners.forEach((listener) => listener(true))
})

function answer(agreed: boolean) {
  pending?.(agreed)
  pending = undefined
  listeners.forEach((listener) => listener(false))
}

/** Our own privacy consent sheet, shown when WeChat needs consent before a privacy-related API. */
export function PrivacyDialog() {
  const strings = useStrings().privacyDialog
  const [open, setOpen] = useState(pending !== undefined)
  useEffect(() => {
    listeners.add(setOpen)
    return () => {
      listeners.delete(setOpen)
    }
  }, [])
  if (!open) return null
  return (
    <View className='jx-privacy' role='dialog' aria-modal='true' aria-labelledby='jx-privacy-title'>
      <View className='jx-privacy__sheet'>
        <Text className='jx-heading' id='jx-privacy-title'>
          {strings.title}
        </Text>
        <Text className='jx-body'>{strings.body}</Text>
        <View className='jx-link' role='link' onClick={() => Taro.navigateTo({ url: '/subpackages/info/privacy/index' })}>
          {strings.readGuide}
        </View>
        <Button className='jx-button jx-button--primary' id={privacyAgreeButtonId} openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answer(true)}>
          {strings.agree}
        </Button>
        <Button className='jx-button' onClick={() => answer(false)}>
          {strings.disagree}
        </Button>
      </View>
    </View>
  )
}
