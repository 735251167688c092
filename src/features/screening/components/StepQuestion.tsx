import { useState } from 'react'
import { ChoiceList, NOT_SURE } from '@/components/ChoiceList'
import type { FieldError } from '@/components/ErrorSummary'
import { NumberField } from '@/components/NumberField'
import { QuestionPage } from '@/components/QuestionPage'
import { fill } from '@/lib/template'
import { useStrings } from '@/lib/i18n'
import type { Answers } from '../model/answers'
import type { AnswerValue, Step } from '../model/steps'
import { parseCount, parseMoney, type NumberProblem } from '../model/validate'
import { caption, choiceLabel, heading, hint, unit } from './stepText'

export interface StepQuestionProps {
  step: Step
  answers: Answers
  progress: { n: number; total: number }
  onBack(): void
  onAnswer(value: AnswerValue | null): void
}

/** The field's id in the error summary: one field per question page. */
const FIELD = 'answer'

function initialChoice(step: Step, stored: AnswerValue | null | undefined): string | undefined {
  if (stored === undefined || step.input.kind !== 'choice') return undefined
  if (stored === null) return NOT_SURE
  return step.input.options.find((option) => option.value === stored)?.key
}

/** One question of the screener on the question page: its field, its checks, its answer. */
export function StepQuestion({ step, answers, progress, onBack, onAnswer }: StepQuestionProps) {
  const strings = useStrings().screening
  const stored = step.read(answers, step.member)
  const [choice, setChoice] = useState(() => initialChoice(step, stored))
  const [text, setText] = useState(() => (typeof stored === 'number' ? String(stored) : ''))
  const [notSure, setNotSure] = useState(stored === null && step.input.kind !== 'choice')
  const [error, setError] = useState<string>()
  const [focusRequest, setFocusRequest] = useState(0)

  function numberMessage(problem: NumberProblem): string {
    const input = step.input
    if (input.kind === 'choice') return strings.errors.choose
    if (problem === 'empty') return step.notSure ? strings.errors.empty : strings.errors.emptyRequired
    if (problem === 'outOfRange' && input.kind === 'count') return strings.errors[input.rangeError]
    if (problem === 'notNumber' || problem === 'notInteger') return fill(strings.errors[problem], { example: input.example })
    return strings.errors[problem === 'outOfRange' ? 'tooLarge' : problem]
  }

  function submit() {
    const input = step.input
    if (input.kind === 'choice') {
      if (choice === undefined) return setError(strings.errors.choose)
      if (choice === NOT_SURE) return onAnswer(null)
      const option = input.options.find((candidate) => candidate.key === choice)
      return option ? onAnswer(option.value) : setError(strings.errors.choose)
    }
    if (notSure || (step.optional && text.trim() === '')) return onAnswer(null)
    const parsed = input.kind === 'count' ? parseCount(text, input.min, input.max) : parseMoney(text)
    if (parsed.ok) return onAnswer(parsed.value)
    // What was typed stays in the field, with the message next to it and in the summary.
    setError(numberMessage(parsed.problem))
  }

  const errors: FieldError[] = error ? [{ field: FIELD, message: error }] : []
  return (
    <QuestionPage
      heading={heading(strings, answers, step)}
      caption={caption(strings, answers, step)}
      hint={hint(strings, step)}
      optional={step.optional}
      progress={progress}
      errors={errors}
      onErrorSelect={() => setFocusRequest((request) => request + 1)}
      onBack={onBack}
      onContinue={submit}
    >
      {({ headingId, hintId }) =>
        step.input.kind === 'choice' ? (
          <ChoiceList
            choices={step.input.options.map((option) => ({ key: option.key, label: choiceLabel(strings, step, option.key) }))}
            value={choice}
            onChange={(key) => {
              setChoice(key)
              setError(undefined)
            }}
            notSure={step.notSure}
            labelledBy={headingId}
            describedBy={hintId}
            error={error}
          />
        ) : (
          <NumberField
            text={text}
            onText={setText}
            decimals={step.input.kind === 'money'}
            unit={unit(strings, step)}
            notSure={step.notSure}
            notSureChecked={notSure}
            onNotSure={(checked) => {
              setNotSure(checked)
              if (checked) setError(undefined)
            }}
            labelledBy={headingId}
            describedBy={hintId}
            error={error}
            focusRequest={focusRequest}
          />
        )
      }
    </QuestionPage>
  )
}
