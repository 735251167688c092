import { useEffect, useReducer, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { FieldError } from '@/components/ErrorSummary'
import { ErrorSummary } from '@/components/ErrorSummary'
import { ProgressText } from '@/components/ProgressText'
import { QuestionPage } from '@/components/QuestionPage'
import { ResumeOrBegin } from '@/components/ResumeOrBegin'
import { fill } from '@/lib/template'
import { KIN_RELATIONS } from '@/domain/application'
import { ApiError } from '@/lib/api'
import { loadApplyHandoff, type ApplyHandoff } from '@/lib/applyHandoff'
import { useStrings } from '@/lib/i18n'
import { submitApplication } from '../api'
import { clearServerDraft, fetchServerDraft, pushDraft } from '../api/drafts'
import { clearApplyDraft, hasProgress, loadApplyDraft, newApplyDraft, saveApplyDraft, serverPayload, stepOrStart, fromServer, type ApplyDraft } from '../model/draft'
import { emptyForm, formIssues, toRequest, type ApplyForm, type FormIssue } from '../model/form'
import { flowReducer, initialFlow } from '../model/flow'
import { nextStepId, previousStepId, stepIssues, stepOf, stepProgress, type StepId } from '../model/steps'
import { saveSubmitted } from '../model/submitted'
import { newIdempotencyKey, openSuccess, scrollToTop } from '../navigation'
import { ReviewSummary } from './ReviewScreen'
import { AddressStep, ApplicantStep, AssetsStep, BenefitsStep, ConsentStep, ContactStep, DocumentsStep, IdentityStep, IncomeStep, MembersStep, type StepProps } from './StepScreens'
import { benefitName } from '@/domain/policy/rules'
import './apply.scss'

const SCREENS: Record<Exclude<StepId, 'review'>, (props: StepProps) => JSX.Element> = {
  applicant: ApplicantStep,
  identity: IdentityStep,
  contact: ContactStep,
  address: AddressStep,
  members: MembersStep,
  income: IncomeStep,
  assets: AssetsStep,
  benefits: BenefitsStep,
  documents: DocumentsStep,
  consent: ConsentStep,
}

/** A new form from the screener's answers: its likely and maybe benefits chosen, its city and household carried over. */
export function formFromHandoff(handoff: ApplyHandoff | undefined): ApplyForm {
  const form = emptyForm()
  if (!handoff) return form
  const kin = KIN_RELATIONS as readonly string[]
  return {
    ...form,
    screening: handoff.screening,
    benefits: handoff.results.filter((result) => result.tier !== 'unlikely').map((result) => result.benefit),
    address: { ...form.address, cityCode: handoff.screening.region.cityCode },
    members: handoff.screening.members.slice(1).map((member) => ({ name: '', idNumber: '', relation: kin.includes(member.relation) ? member.relation : '' })),
  }
}

const toFieldErrors = (issues: readonly FormIssue[]): FieldError[] => issues.map((issue) => ({ field: issue.path, message: issue.message }))

export interface ApplyFlowProps {
  today?: string
}

/**
 * The application on one page, one topic at a time (so WeChat's page stack never fills): a start
 * screen that offers to resume, the steps, the review with 修改 links, and submission. Every change
 * is saved on the device at once, so nothing typed is lost when the app is closed.
 */
export function ApplyFlow({ today }: ApplyFlowProps) {
  const all = useStrings()
  const strings = all.apply
  const [handoff] = useState(loadApplyHandoff)
  const [state, dispatch] = useReducer(flowReducer, undefined, () => {
    const stored = loadApplyDraft()
    return initialFlow(stored ?? newApplyDraft(formFromHandoff(handoff)), hasProgress(stored))
  })
  const { draft, step, errors, fromReview, submitting, failure } = state

  useEffect(scrollToTop, [step])

  // Every change is kept on the device at once.
  useEffect(() => {
    saveApplyDraft(draft)
  }, [draft])

  // Opening on a phone without this draft (or with an older one): offer the server's, when signed in.
  useEffect(() => {
    let live = true
    void fetchServerDraft().then((server) => {
      const restored = server && fromServer(server)
      const local = loadApplyDraft()
      if (!live || !restored || !hasProgress(restored)) return
      if (local && hasProgress(local) && Date.parse(local.savedAt) >= Date.parse(server.updatedAt)) return
      dispatch({ type: 'restored', draft: restored })
    })
    return () => {
      live = false
    }
  }, [])

  /**
   * Sends the draft to the server when signed in. On a stale write (another phone saved since) the
   * draft on this phone wins: it is the one the person is filling in now, so it is written again on
   * top of the server's newer one (the start screen offers the newer of the two when the app opens).
   */
  function sync(next: ApplyDraft) {
    const payload = serverPayload(next)
    void pushDraft(payload, next.serverUpdatedAt)
      .then((result) => (result.kind === 'stale' ? pushDraft(payload, result.current.updatedAt) : result))
      .then((result) => {
        if (result.kind === 'saved') dispatch({ type: 'serverSaved', updatedAt: result.updatedAt })
      })
  }

  function go(next: StepId, carried: readonly FormIssue[] = [], openedFromReview?: boolean) {
    sync({ ...draft, step: next })
    dispatch({ type: 'opened', step: next, carried, fromReview: openedFromReview })
  }

  function begin(fresh: boolean) {
    const start = fresh ? newApplyDraft(formFromHandoff(handoff)) : draft
    if (fresh) {
      clearApplyDraft()
      void clearServerDraft()
    }
    dispatch({ type: 'began', draft: start, step: stepOrStart(start) })
  }

  const change = (form: ApplyForm) => dispatch({ type: 'changed', form })

  function next(current: StepId) {
    const issues = stepIssues(draft.form, current, today)
    if (issues.length > 0) {
      dispatch({ type: 'refused', errors: issues })
      scrollToTop()
      return
    }
    const following = fromReview ? 'review' : nextStepId(draft.form, current)
    if (following) go(following)
  }

  function back(current: StepId) {
    if (fromReview) return go('review')
    const previous = previousStepId(draft.form, current)
    if (previous) go(previous)
    else dispatch({ type: 'left' })
  }

  const edit = (target: StepId) => go(target, errors, true)

  async function submit() {
    const issues = formIssues(draft.form, today)
    if (issues.length > 0) {
      dispatch({ type: 'refused', errors: issues, failure: strings.review.fixFields })
      return
    }
    const key = draft.idempotencyKey ?? newIdempotencyKey()
    dispatch({ type: 'submitting', idempotencyKey: key })
    try {
      const response = await submitApplication(toRequest(draft.form), key)
      saveSubmitted(response)
      clearApplyDraft()
      await clearServerDraft()
      dispatch({ type: 'submitted' })
      openSuccess()
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        dispatch({ type: 'failed', errors: error.issues.map((issue) => ({ path: issue.path, message: issue.message })), failure: strings.review.fixFields })
      } else {
        dispatch({ type: 'failed', errors: [], failure: fill(strings.review.failed, { message: error instanceof Error ? error.message : '' }) })
      }
    }
  }

  const errorFor = (path: string) => errors.find((error) => error.path === path)?.message
  const summary = toFieldErrors(errors)

  if (step === 'review') {
    return (
      <View className='jx-apply'>
        <ErrorSummary errors={summary} onSelect={(field) => edit(stepOf(field))} />
        <ProgressText {...stepProgress(draft.form, 'review')} />
        <View className='jx-title' role='heading' aria-level={1}>
          {strings.steps.review}
        </View>
        <Text className='jx-body'>{strings.review.intro}</Text>
        <ReviewSummary form={draft.form} onChange={edit} />
        {failure && (
          <View className='jx-field-error' role='alert'>
            {failure}
          </View>
        )}
        <Button type='primary' block size='large' loading={submitting} disabled={submitting} onClick={() => void submit()}>
          {submitting ? strings.review.submitting : strings.review.submit}
        </Button>
        <View className='jx-link jx-back-link' role='link' onClick={() => go(previousStepId(draft.form, 'review') ?? 'consent')}>
          {all.common.back}
        </View>
      </View>
    )
  }

  if (step) {
    const Screen = SCREENS[step]
    return (
      <QuestionPage
        key={step}
        heading={strings.steps[step]}
        progress={stepProgress(draft.form, step)}
        errors={summary}
        onBack={() => back(step)}
        onContinue={() => next(step)}
      >
        {({ headingId }) => <Screen form={draft.form} onChange={change} errorFor={errorFor} headingId={headingId} handoff={handoff} today={today} />}
      </QuestionPage>
    )
  }

  const start = strings.start
  return (
    <View className='jx-apply'>
      <View className='jx-title' role='heading' aria-level={1}>
        {start.heading}
      </View>
      <Text className='jx-body'>{start.body}</Text>
      {handoff && draft.form.benefits.length > 0 && <Text className='jx-body'>{fill(start.fromScreening, { benefits: draft.form.benefits.map(benefitName).join('、') })}</Text>}
      <ResumeOrBegin
        className='jx-apply-card'
        resumable={state.resumable}
        title={start.resumeTitle}
        body={fill(start.resumeBody, { n: stepProgress(draft.form, stepOrStart(draft)).n })}
        labels={start}
        onBegin={begin}
      />
    </View>
  )
}
