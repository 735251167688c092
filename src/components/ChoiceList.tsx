import { Text, View } from '@tarojs/components'
import { Radio } from '@nutui/nutui-react-taro'
import { useStrings } from '@/lib/i18n'
import { useDomId } from './domId'
import './QuestionPage.scss'

export interface Choice {
  key: string
  label: string
}

export interface ChoiceListProps {
  choices: readonly Choice[]
  /** The key chosen; NOT_SURE for 不确定; undefined before a choice. */
  value: string | undefined
  onChange(key: string): void
  /** Adds 不确定 after the choices, set apart by "或". */
  notSure?: boolean
  /** The id of the question heading: the group's legend. */
  labelledBy: string
  describedBy?: string
  error?: string
}

/** The key ChoiceList gives the 不确定 choice. */
export const NOT_SURE = 'not-sure'

function ChoiceRow({ choice, checked, onChange }: { choice: Choice; checked: boolean; onChange(key: string): void }) {
  return (
    // The whole row is the radio: one large target, named by its label.
    <View className={checked ? 'jx-choice jx-choice--checked' : 'jx-choice'} role='radio' aria-checked={checked} onClick={() => onChange(choice.key)}>
      <View className='jx-choice__mark' aria-hidden='true'>
        <Radio checked={checked} />
      </View>
      <Text className='jx-body jx-choice__label'>{choice.label}</Text>
    </View>
  )
}

/** One answer from a short list, as large radio rows (NutUI Radio for the mark), with 不确定 last. */
export function ChoiceList({ choices, value, onChange, notSure, labelledBy, describedBy, error }: ChoiceListProps) {
  const strings = useStrings()
  const errorId = useDomId('jx-choice-error')
  const described = [describedBy, error ? errorId : undefined].filter(Boolean).join(' ') || undefined
  return (
    <View className={error ? 'jx-choices jx-field--error' : 'jx-choices'}>
      {error && (
        <Text className='jx-field-error' id={errorId}>
          <Text className='jx-visually-hidden'>{strings.questionPage.errorPrefix}</Text>
          {error}
        </Text>
      )}
      <View className='jx-choices__list' role='radiogroup' aria-labelledby={labelledBy} aria-describedby={described}>
        {choices.map((choice) => (
          <ChoiceRow key={choice.key} choice={choice} checked={value === choice.key} onChange={onChange} />
        ))}
        {notSure && (
          <>
            <Text className='jx-muted jx-choices__or' aria-hidden='true'>
              {strings.questionPage.or}
            </Text>
            <ChoiceRow choice={{ key: NOT_SURE, label: strings.common.notSure }} checked={value === NOT_SURE} onChange={onChange} />
          </>
        )}
      </View>
    </View>
  )
}
