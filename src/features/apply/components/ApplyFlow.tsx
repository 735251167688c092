import { useEffect, useState } from 'react'
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
import { adultsToConfirm, emptyForm, formIssues, toRequest, type ApplyForm, type FormIssue } from '../model/form'
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
  const [draft, setDraft] = useState<ApplyDraft>(() => loadApplyDraft() ?? newApplyDraft(formFromHandoff(handoff)))
  const [step, setStep] = useState<StepId | undefined>()
  const [errors, setErrors] = useState<FieldError[]>([])
  /** Opened from the review's 修改: 继续 goes back to the review. */
  const [fromReview, setFromReview] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()

  const [resumable, setResumable] = useState(() => hasProgress(loadApplyDraft()))

  useEffect(scrollToTop, [step])

  // Opening on a phone without this draft (or with an older one): offer the server's, when signed in.
  useEffect(() => {
    let live = true
    void fetchServerDraft().then((server) => {
      const restored = server && fromServer(server)
      const local = loadApplyDraft()
      if (!live || !restored || !hasProgress(restored)) return
      if (local && hasProgress(local) && Date.parse(local.savedAt) >= Date.parse(server.updatedAt)) return
      setDraft(saveApplyDraft(restored))
      setResumable(true)
    })
    return () => {
      live = false
    }
  }, [])

  function save(next: ApplyDraft): ApplyDraft {
    const saved = saveApplyDraft(next)
    setDraft(saved)
    return saved
  }

  /**
   * Sends the draft to the server when signed in. On a stale write (another phone saved since) the
   * draft on this phone wins: it is the one the person is filling in now, so it is written again on
   * top of the server's newer one (the start screen offers the newer of the two when the app opens).
   */
  function sync(saved: ApplyDraft) {
    const payload = serverPayload(saved)
    void pushDraft(payload, saved.serverUpdatedAt)
      .then((result) => (result.kind === 'stale' ? pushDraft(payload, result.current.updatedAt) : result))
      .then((result) => {
        if (result.kind !== 'saved') return
        const latest = loadApplyDraft()
        if (latest) writeServerBase(latest, result.updatedAt)
      })
  }

  function writeServerBase(latest: ApplyDraft, updatedAt: string) {
    setDraft(saveApplyDraft({ ...latest, serverUpdatedAt: updatedAt }))
  }

  /** Opens a step; `carried` are problems already found (by the server) that the step should show. */
  function go(next: StepId, carried: readonly FieldError[] = []) {
    sync(save({ ...draft, step: next }))
    setErrors(carried.filter((error) => stepOf(error.field) === next))
    setStep(next)
  }

  function begin(fresh: boolean) {
    const start = fresh ? newApplyDraft(formFromHandoff(handoff)) : draft
    if (fresh) {
      clearApplyDraft()
      void clearServerDraft()
    }
    const first = stepOrStart(start)
    save({ ...start, step: first })
    setStep(first)
  }

  function change(form: ApplyForm) {
    // A changed form is another submission: it gets a new key when it is sent.
    save({ ...draft, form, idempotencyKey: null })
  }

  function issuesOn(current: StepId): FormIssue[] {
    const issues = stepIssues(draft.form, current, today)
    if (current === 'consent') {
      const missing = adultsToConfirm(draft.form, today).filter((adult) => !draft.form.economicCheck[String(adult.memberIndex)])
      if (missing.length > 0) issues.push({ path: 'consents.economicCheck', message: fill(strings.consent.economicRequired, { name: missing[0].name }) })
    }
    return issues
  }

  function next(current: StepId) {
    const issues = issuesOn(current)
    if (issues.length > 0) {
      setErrors(toFieldErrors(issues))
      scrollToTop()
      return
    }
    const following = fromReview ? 'review' : nextStepId(current)
    if (following === 'review') setFromReview(false)
    if (following) go(following)
  }

  function back(current: StepId) {
    if (fromReview) {
      setFromReview(false)
      return go('review')
    }
    const previous = previousStepId(current)
    if (previous) go(previous)
    else {
      save({ ...draft, step: null })
      setStep(undefined)
    }
  }

  function edit(target: StepId) {
    setFromReview(true)
    go(target, errors)
  }

  async function submit() {
    const issues = formIssues(draft.form, today)
    if (issues.length > 0) {
      setErrors(toFieldErrors(issues))
      setFailure(strings.review.fixFields)
      return
    }
    const key = draft.idempotencyKey ?? newIdempotencyKey()
    const attempt = { ...draft, idempotencyKey: key }
    save(attempt)
    setSubmitting(true)
    setFailure(undefined)
    try {
      const response = await submitApplication(toRequest(attempt.form), key)
      saveSubmitted(response)
      clearApplyDraft()
      await clearServerDraft()
      openSuccess()
    } catch (error) {
      // Everything stays saved, the key included: 再试一次 sends the same attempt.
      if (error instanceof ApiError && error.issues.length > 0) {
        setErrors(error.issues.map((issue) => ({ field: issue.path, message: issue.message })))
        setFailure(strings.review.fixFields)
      } else {
        setFailure(fill(strings.review.failed, { message: error instanceof Error ? error.message : '' }))
      }
    } finally {
      setSubmitting(false)
    }
  }

  const errorFor = (path: string) => errors.find((error) => error.field === path)?.message

  if (step === 'review') {
    return (
      <View className='jx-apply'>
        <ErrorSummary errors={errors} onSelect={(field) => edit(stepOf(field))} />
        <ProgressText {...stepProgress('review')} />
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
        <View className='jx-link jx-back-link' role='link' onClick={() => go('consent')}>
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
        progress={stepProgress(step)}
        errors={errors}
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
        resumable={resumable}
        title={start.resumeTitle}
        body={fill(start.resumeBody, { n: stepProgress(stepOrStart(draft)).n })}
        labels={start}
        onBegin={begin}
      />
    </View>
  )
}
