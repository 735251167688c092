import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { useStrings } from '@/lib/i18n'
import { useDomId } from './domId'
import './QuestionPage.scss'

export interface NumberFieldProps {
  /** What the person typed, kept as typed (an error never clears it). */
  text: string
  onText(text: string): void
  /** Money takes decimals; counts do not. */
  decimals: boolean
  /** Shown after the field: 岁, 人, 元. */
  unit?: string
  /** Offers 不确定 under the field; `notSureChecked` is its state. */
  notSure?: boolean
  notSureChecked?: boolean
  onNotSure?(checked: boolean): void
  labelledBy: string
  describedBy?: string
  error?: string
  /** Each new value puts the cursor in the field (the error summary's link does this). */
  focusRequest?: number
}

/** A number question's field: the input named by the question heading, its unit, the message next to it, and 不确定. */
export function NumberField({ text, onText, decimals, unit, notSure, notSureChecked = false, onNotSure, labelledBy, describedBy, error, focusRequest = 0 }: NumberFieldProps) {
  const strings = useStrings()
  const input = useRef<{ focus(): void } | null>(null)
  useEffect(() => {
    if (focusRequest > 0) input.current?.focus()
  }, [focusRequest])
  const errorId = useDomId('jx-number-error')
  const described = [describedBy, error ? errorId : undefined].filter(Boolean).join(' ') || undefined
  return (
    <View className={error ? 'jx-number jx-field--error' : 'jx-number'}>
      {error && (
        <Text className='jx-field-error' id={errorId}>
          <Text className='jx-visually-hidden'>{strings.questionPage.errorPrefix}</Text>
          {error}
        </Text>
      )}
      <View className='jx-number__row'>
        <Input
          ref={input}
          className='jx-number__input'
          type={decimals ? 'digit' : 'number'}
          value={text}
          placeholder=''
          onChange={(value) => {
            onText(value)
            // Typing a number is an answer: 不确定 no longer holds.
            if (notSureChecked && value !== '') onNotSure?.(false)
          }}
          // The web renders a real <input> inside Taro's element; name it there for screen readers.
          nativeProps={{ 'aria-labelledby': labelledBy, 'aria-describedby': described, 'aria-invalid': error ? 'true' : 'false' }}
        />
        {unit && (
          <Text className='jx-body jx-number__unit' aria-hidden='true'>
            {unit}
          </Text>
        )}
      </View>
      {notSure && (
        <>
          <Text className='jx-muted jx-choices__or' aria-hidden='true'>
            {strings.questionPage.or}
          </Text>
          <View
            className={notSureChecked ? 'jx-choice jx-choice--checked' : 'jx-choice'}
            role='checkbox'
            aria-checked={notSureChecked}
            onClick={() => onNotSure?.(!notSureChecked)}
          >
            <Text className='jx-choice__box' aria-hidden='true'>
              {notSureChecked ? '✓' : ''}
            </Text>
            <Text className='jx-body jx-choice__label'>{strings.common.notSure}</Text>
          </View>
        </>
      )}
    </View>
  )
}
