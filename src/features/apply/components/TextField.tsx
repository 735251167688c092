import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { useDomId } from '@/components/domId'
import { useStrings } from '@/lib/i18n'
import './apply.scss'

export interface TextFieldProps {
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
export function TextField({ label, value, onChange, hint, error, type = 'text', unit }: TextFieldProps) {
  const strings = useStrings()
  const labelId = useDomId('jx-apply-label')
  const hintId = useDomId('jx-apply-hint')
  const errorId = useDomId('jx-apply-error')
  const described = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined
  return (
    <View className={error ? 'jx-apply-field jx-field--error' : 'jx-apply-field'}>
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
      <View className='jx-number__row'>
        <Input
          className='jx-apply-field__input'
          type={type}
          value={value}
          placeholder=''
          onChange={onChange}
          nativeProps={{ 'aria-labelledby': labelId, 'aria-describedby': described, 'aria-invalid': error ? 'true' : 'false' }}
        />
        {unit && (
          <Text className='jx-body jx-number__unit' aria-hidden='true'>
            {unit}
          </Text>
        )}
      </View>
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
