import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

export interface ResumeOrBeginProps {
  /** Whether there is something saved to go back to. */
  resumable: boolean
  /** The card that offers it: 您有一份没填完的申请 / 上次填到第 3 步…. */
  title: string
  body: string
  labels: { resume: string; restart: string; begin: string }
  /** `fresh`: start over (or for the first time); otherwise carry on where the person was. */
  onBegin(fresh: boolean): void
  className?: string
}

/** The start of a long form: carry on from what was saved, or begin (again). */
export function ResumeOrBegin({ resumable, title, body, labels, onBegin, className = '' }: ResumeOrBeginProps) {
  if (!resumable) {
    return (
      <Button type='primary' block size='large' onClick={() => onBegin(true)}>
        {labels.begin}
      </Button>
    )
  }
  return (
    <View className={`jx-card ${className}`.trim()}>
      <View className='jx-heading' role='heading' aria-level={2}>
        {title}
      </View>
      <Text className='jx-body'>{body}</Text>
      <Button type='primary' block size='large' onClick={() => onBegin(false)}>
        {labels.resume}
      </Button>
      <Button block size='large' onClick={() => onBegin(true)}>
        {labels.restart}
      </Button>
    </View>
  )
}
