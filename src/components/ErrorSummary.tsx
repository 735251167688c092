import { Text, View } from '@tarojs/components'
import { useStrings } from '@/lib/i18n'
import { useDomId } from './domId'
import './QuestionPage.scss'

export interface FieldError {
  /** The field the message is about; the summary's link takes the person there. */
  field: string
  message: string
}

/**
 * GOV.UK's error summary: at the top of the page, announced at once, one link per problem that
 * takes the person to the field (the same message also sits next to the field).
 */
export function ErrorSummary({ errors, onSelect }: { errors: readonly FieldError[]; onSelect?: (field: string) => void }) {
  const strings = useStrings().questionPage
  const titleId = useDomId('jx-error-summary')
  if (errors.length === 0) return null
  return (
    <View className='jx-error-summary' role='alert' aria-labelledby={titleId}>
      <Text className='jx-heading' id={titleId}>
        {strings.errorSummaryTitle}
      </Text>
      {errors.map((error) => (
        <View key={error.field} className='jx-link jx-error-summary__link' role='link' onClick={() => onSelect?.(error.field)}>
          {error.message}
        </View>
      ))}
    </View>
  )
}
