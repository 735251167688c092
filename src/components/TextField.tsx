import { Text, Textarea, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { useDomId } from './domId'
import { useStrings } from '@/lib/i18n'
import './QuestionPage.scss'
import './TextField.scss'

export interface TextFieldProps {
  /** Several lines (an answer to a reviewer's question). */
  multiline?: boolean
  label: string
  value: string
  onChange(value: string): void
  hint?: string
  error?: string
  type?: 'text' | 'number' | 'digit' | 'idcard' | 'tel'
  /** Shown after the field: 元. */
  unit?: string
}

/** One labelled text field with its hint and, above it, the message about what to fix. */
export function TextField({ label, value, onChange, hint, error, type = 'text', unit, multiline = false }: TextFieldProps) {
  const strings = useStrings()
  const labelId = useDomId('jx-field-label')
  const hintId = useDomId('jx-field-hint')
  const errorId = useDomId('jx-field-error')
  const described = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined
  // aria-label repeats the visible label for checkers that do not follow aria-labelledby into a scrolled-away label.
  const aria = { 'aria-labelledby': labelId, 'aria-label': label, 'aria-describedby': described, 'aria-invalid': error ? 'true' : 'false' }
  return (
    <View className={error ? 'jx-text-field jx-field--error' : 'jx-text-field'}>
      <Text className='jx-heading' id={labelId}>
        {label}
      </Text>
      {hint && (
        <Text className='jx-muted' id={hintId}>
          {hint}
        </Text>
      )}
      {error && (
        <Text className='jx-field-error' id={errorId}>
          <Text className='jx-visually-hidden'>{strings.questionPage.errorPrefix}</Text>
          {error}
        </Text>
      )}
      {multiline ? (
        <Textarea className='jx-text-field__area' value={value} maxlength={2000} onInput={(event) => onChange(event.detail.value)} nativeProps={aria} />
      ) : (
        <View className='jx-number__row'>
          <Input className='jx-text-field__input' type={type} value={value} placeholder='' onChange={onChange} nativeProps={aria} />
          {unit && (
            <Text className='jx-body jx-number__unit' aria-hidden='true'>
              {unit}
            </Text>
          )}
        </View>
      )}
    </View>
  )
}

/** A yes-box row: the whole row is the checkbox. */
export function CheckRow({ label, checked, onChange, error }: { label: string; checked: boolean; onChange(checked: boolean): void; error?: string }) {
  return (
    <View className={error ? 'jx-field--error' : undefined}>
      {error && <Text className='jx-field-error'>{error}</Text>}
      <View className={checked ? 'jx-choice jx-choice--checked' : 'jx-choice'} role='checkbox' aria-checked={checked} onClick={() => onChange(!checked)}>
        <Text className='jx-choice__box' aria-hidden='true'>
          {checked ? '✓' : ''}
        </Text>
        <Text className='jx-body jx-choice__label'>{label}</Text>
      </View>
    </View>
  )
}
