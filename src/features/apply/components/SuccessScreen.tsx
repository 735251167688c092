import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useStrings } from '@/lib/i18n'
import { loadSubmitted } from '../model/submitted'
import { openApplications, openHome } from '../navigation'
import './apply.scss'

/** The application number, each benefit's first status, what happens next and roughly when. */
export function SuccessScreen() {
  const strings = useStrings().apply.success
  const [application] = useState(loadSubmitted)
  return (
    <View className='jx-apply'>
      <View className='jx-title' role='heading' aria-level={1}>
        {strings.title}
      </View>
      {application && (
        <>
          <View className='jx-card jx-apply-card'>
            <Text className='jx-heading'>{strings.number}</Text>
            <Text className='jx-body' selectable>
              {application.id}
            </Text>
          </View>
          <View className='jx-card jx-apply-card' role='region' aria-label={strings.claims}>
            <View className='jx-heading' role='heading' aria-level={2}>
              {strings.claims}
            </View>
            {application.claims.map((claim) => (
              <Text key={claim.id} className='jx-body'>
                {claim.benefitName}：{claim.statusLabel}
              </Text>
            ))}
          </View>
          <View className='jx-card jx-apply-card' role='region' aria-label={strings.next}>
            <View className='jx-heading' role='heading' aria-level={2}>
              {strings.next}
            </View>
            {application.nextSteps.map((line) => (
              <Text key={line} className='jx-body'>
                {line}
              </Text>
            ))}
          </View>
          {application.missingDocuments.length > 0 && (
            <View className='jx-card jx-apply-card'>
              <View className='jx-heading' role='heading' aria-level={2}>
                {strings.missing}
              </View>
              <Text className='jx-body'>{application.missingDocuments.map((document) => document.name).join('、')}</Text>
            </View>
          )}
        </>
      )}
      <Button type='primary' block size='large' onClick={openApplications}>
        {strings.track}
      </Button>
      <View className='jx-link' role='link' onClick={openHome}>
        {strings.home}
      </View>
    </View>
  )
}
