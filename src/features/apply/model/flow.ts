import type { ApplyDraft } from './draft'
import type { ApplyForm, FormIssue } from './form'
import { stepOf, type StepId } from './steps'

/** Everything the application page shows, in one place: the draft and where the person is in it. */
export interface FlowState {
  draft: ApplyDraft
  /** The step on screen; undefined on the start screen. */
  step?: StepId
  /** The problems shown on the step (or, on the review, all of them). */
  errors: FormIssue[]
  /** Opened from the review's 修改: 继续 goes back to the review. */
  fromReview: boolean
  submitting: boolean
  /** Why the last submission did not go through, in words. */
  failure?: string
  /** The start screen offers 继续上次. */
  resumable: boolean
}

export type FlowAction =
  /** A newer draft from the server replaces the one on this phone. */
  | { type: 'restored'; draft: ApplyDraft }
  /** Started afresh or resumed: `draft` is the one to fill in. */
  | { type: 'began'; draft: ApplyDraft; step: StepId }
  | { type: 'changed'; form: ApplyForm }
  /** Opens a step; `carried` are problems found earlier (by the server) that the step should show. */
  | { type: 'opened'; step: StepId; carried?: readonly FormIssue[]; fromReview?: boolean }
  | { type: 'left' }
  /** The step (or the whole form) has problems: the page stays and shows them. */
  | { type: 'refused'; errors: FormIssue[]; failure?: string }
  | { type: 'submitting'; idempotencyKey: string }
  | { type: 'failed'; errors: FormIssue[]; failure: string }
  /** Sent: the draft is gone from the device and the success page opens. */
  | { type: 'submitted' }
  | { type: 'serverSaved'; updatedAt: string }

export const initialFlow = (draft: ApplyDraft, resumable: boolean): FlowState => ({ draft, errors: [], fromReview: false, submitting: false, resumable })

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'restored':
      return { ...state, draft: action.draft, resumable: true }
    case 'began':
      return { ...state, draft: { ...action.draft, step: action.step }, step: action.step, errors: [] }
    case 'changed':
      // A changed form is another submission: it gets a new key when it is sent.
      return { ...state, draft: { ...state.draft, form: action.form, idempotencyKey: null } }
    case 'opened':
      return {
        ...state,
        draft: { ...state.draft, step: action.step },
        step: action.step,
        errors: (action.carried ?? []).filter((issue) => action.step === 'review' || stepOf(issue.path) === action.step),
        fromReview: action.fromReview ?? (action.step === 'review' ? false : state.fromReview),
      }
    case 'left':
      return { ...state, draft: { ...state.draft, step: null }, step: undefined, errors: [] }
    case 'refused':
      return { ...state, errors: action.errors, failure: action.failure }
    case 'submitting':
      return { ...state, draft: { ...state.draft, idempotencyKey: action.idempotencyKey }, submitting: true, failure: undefined }
    case 'failed':
      // Everything stays, the key included: 再试一次 sends the same attempt.
      return { ...state, submitting: false, errors: action.errors, failure: action.failure }
    case 'submitted':
      return { ...state, submitting: false }
    case 'serverSaved':
      return { ...state, draft: { ...state.draft, serverUpdatedAt: action.updatedAt } }
  }
}
