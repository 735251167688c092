import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useStrings } from '@/lib/i18n'
import { useDomId } from './domId'
import { ErrorSummary, type FieldError } from './ErrorSummary'
import { ProgressText } from './ProgressText'
import './QuestionPage.scss'

/** The ids a question's field uses to name itself after the heading and to point at the hint. */
export interface QuestionIds {
  headingId: string
  hintId?: string
}

export interface QuestionPageProps {
  /** The question, as the page's heading (and the field's label). */
  heading: string
  /** A line above the heading saying whom or what the question is about (第 2 位家庭成员). */
  caption?: string
  hint?: string
  /** Adds "（可选）" to the heading. */
  optional?: boolean
  progress?: { n: number; total: number }
  errors?: readonly FieldError[]
  onErrorSelect?: (field: string) => void
  /** The back link; none on a page that has nowhere to go back to. */
  onBack?: () => void
  onContinue: () => void
  continueLabel?: string
  /** The field: given the ids to label itself with. */
  children: (ids: QuestionIds) => ReactNode
}

/**
 * A GOV.UK question page: a back link, the error summary, the progress, the question as the
 * heading with its hint, one field, and 继续.
 */
export function QuestionPage({ heading, caption, hint, optional, progress, errors = [], onErrorSelect, onBack, onContinue, continueLabel, children }: QuestionPageProps) {
  const common = useStrings().common
  const headingId = useDomId('jx-question')
  const hintId = useDomId('jx-hint')
  return (
    <View className='jx-question'>
      {onBack && (
        <View className='jx-link jx-back-link' role='link' onClick={onBack}>
          <Text aria-hidden='true' className='jx-back-link__arrow'>
            ‹
          </Text>
          <Text>{common.back}</Text>
        </View>
      )}
      <ErrorSummary errors={errors} onSelect={onErrorSelect} />
      <View className='jx-question__head'>
        {progress && <ProgressText n={progress.n} total={progress.total} />}
        {caption && <Text className='jx-muted jx-question__caption'>{caption}</Text>}
        <View className='jx-title' role='heading' aria-level={1} id={headingId}>
          {heading}
          {optional && <Text className='jx-question__optional'>{common.optional}</Text>}
        </View>
        {hint && (
          <Text className='jx-body jx-question__hint' id={hintId}>
            {hint}
          </Text>
        )}
      </View>
      <View className='jx-question__field'>{children({ headingId, hintId: hint ? hintId : undefined })}</View>
      <Button className='jx-question__continue' type='primary' block size='large' onClick={onContinue}>
        {continueLabel ?? common.continue}
      </Button>
    </View>
  )
}
