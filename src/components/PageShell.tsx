import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ConfigProvider } from '@nutui/nutui-react-taro'
import { useElderMode } from './ElderMode'
import { PrivacyDialog } from './PrivacyDialog'
import { themeFor } from './theme/tokens'

/** Every page sits in this: the tokens of the current mode, the page's padding, WeChat's privacy sheet. */
export function PageShell({ children, title }: { children: ReactNode; title?: string }) {
  const { elder } = useElderMode()
  return (
    <ConfigProvider theme={themeFor(elder)} className={elder ? 'jx-page jx-page--elder' : 'jx-page'}>
      <View className='jx-page__body' role='main' aria-label={title}>
        {children}
      </View>
      <PrivacyDialog />
    </ConfigProvider>
  )
}
