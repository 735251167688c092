import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ResumeOrBegin } from '@/components/ResumeOrBegin'
import { fill } from '@/lib/template'
import { useStrings } from '@/lib/i18n'
import { emptyAnswers } from '../model/answers'
import { clearDraft, hasProgress, loadDraft, newDraft, saveAnswers, type Draft } from '../model/draft'
import { findStep, firstUnanswered, nextStep, previousStep, progress, visibleSteps, type AnswerValue, type Step } from '../model/steps'
import { openResults, scrollToTop } from '../navigation'
import { StepQuestion } from './StepQuestion'
import './screening.scss'

export interface ScreeningFlowProps {
  /** Opened from the results page to change one answer (a step key): after 继续 it goes back there. */
  editKey?: string
}

/**
 * The whole questionnaire on one page: a start screen (offering to resume a saved draft), then
 * one question at a time. The back link goes to the previous question shown; every 继续 saves
 * the answers, so leaving the page (WeChat's own back) loses nothing.
 */
export function ScreeningFlow({ editKey }: ScreeningFlowProps) {
  const strings = useStrings().screening
  const [draft, setDraft] = useState<Draft>(() => loadDraft() ?? newDraft())
  const editStep = editKey ? findStep(draft.answers, editKey) : undefined
  const [stepKey, setStepKey] = useState<string | undefined>(editStep?.key)
  const editing = editStep !== undefined
  const step = stepKey ? findStep(draft.answers, stepKey) : undefined

  useEffect(scrollToTop, [stepKey])

  function save(next: Draft) {
    setDraft(saveAnswers(next.answers, next.step, next.finished))
  }

  function begin(fresh: boolean) {
    const start = fresh ? newDraft() : draft
    if (fresh) clearDraft()
    if (!fresh && start.finished) return openResults()
    const first = (start.step && findStep(start.answers, start.step)) || firstUnanswered(start.answers) || visibleSteps(start.answers)[0]
    save({ ...start, step: first.key })
    setStepKey(first.key)
  }

  function answer(current: Step, value: AnswerValue | null) {
    const answers = current.write(draft.answers, current.member, value)
    // Changing an answer from the results: ask only what the change has newly opened, then go back.
    const next = editing ? firstUnanswered(answers) : nextStep(answers, current.key)
    if (next) {
      save({ answers, step: next.key, finished: editing ? false : draft.finished })
      setStepKey(next.key)
      return
    }
    save({ answers, step: null, finished: true })
    openResults()
  }

  function back(current: Step) {
    if (editing) return openResults()
    const previous = previousStep(draft.answers, current.key)
    save({ ...draft, step: previous?.key ?? null })
    setStepKey(previous?.key)
  }

  if (step) {
    return (
      <StepQuestion
        key={step.key}
        step={step}
        answers={draft.answers}
        progress={progress(draft.answers, step.key)}
        onBack={() => back(step)}
        onAnswer={(value) => answer(step, value)}
      />
    )
  }

  const start = strings.start
  const resumable = hasProgress(draft)
  const resumeAt = resumable && draft.step ? progress(draft.answers, draft.step).n : 0
  return (
    <View className='jx-screening-start'>
      <View className='jx-title' role='heading' aria-level={1}>
        {start.heading}
      </View>
      <Text className='jx-body'>{start.body}</Text>
      <View className='jx-card jx-screening-start__points'>
        {start.points.map((point) => (
          <Text key={point} className='jx-body'>
            {fill(point, { total: visibleSteps(emptyAnswers()).length })}
          </Text>
        ))}
      </View>
      <ResumeOrBegin
        className='jx-screening-start__resume'
        resumable={resumable}
        title={draft.finished ? start.resumeFinishedTitle : start.resumeTitle}
        body={draft.finished ? start.resumeFinishedBody : fill(start.resumeBody, { n: Math.max(resumeAt, 1) })}
        labels={start}
        onBegin={begin}
      />
      <Text className='jx-muted'>{strings.results.disclaimer}</Text>
    </View>
  )
}
