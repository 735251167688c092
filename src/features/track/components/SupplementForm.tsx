import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { DocumentFiles } from '@/components/DocumentFiles'
import { ErrorSummary } from '@/components/ErrorSummary'
import { TextField } from '@/components/TextField'
import { fill } from '@/lib/template'
import { formatDueDate, type ApplicationDetail, type ClaimDetail } from '@/domain/claims'
import { ApiError } from '@/lib/api'
import { useStrings } from '@/lib/i18n'
import { supplyClaim } from '../api/applications'
import { dueText } from '../model/due'
import { answerField, clearSupplement, documentField, loadSupplement, saveSupplement, supplementIssues, supplementRequest, type SupplementDraft } from '../model/supplement'

export interface SupplementFormProps {
  applicationId: string
  claim: ClaimDetail & { requested: NonNullable<ClaimDetail['requested']> }
  onSupplied(application: ApplicationDetail): void
}

/**
 * What a reviewer asked for, answered right here: a file for each document, an answer for each
 * question. Everything is kept on the phone as it is typed and uploaded; a failed send keeps it all.
 */
export function SupplementForm({ applicationId, claim, onSupplied }: SupplementFormProps) {
  const track = useStrings().track
  const strings = track.supplement
  const { requested } = claim
  const [draft, setDraftState] = useState<SupplementDraft>(() => loadSupplement(claim.id))
  const draftRef = useRef(draft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<string>()

  // Uploads finish at their own pace: each change applies to the draft as it is then.
  const change = (update: (current: SupplementDraft) => SupplementDraft) => {
    const next = update(draftRef.current)
    draftRef.current = next
    saveSupplement(claim.id, next)
    setDraftState(next)
  }
  const setFiles = (documentId: string, update: (files: SupplementDraft['documents'][string]) => SupplementDraft['documents'][string]) =>
    change((current) => ({ ...current, documents: { ...current.documents, [documentId]: update(current.documents[documentId] ?? []) } }))

  async function send() {
    const issues = supplementIssues(requested, draftRef.current, strings)
    setErrors(issues)
    setFailure(undefined)
    if (Object.keys(issues).length > 0) return
    setSending(true)
    try {
      const application = await supplyClaim(applicationId, supplementRequest(claim.id, requested, draftRef.current))
      clearSupplement(claim.id)
      onSupplied(application)
    } catch (error) {
      const message = error instanceof ApiError ? error.message : ''
      if (error instanceof ApiError && error.issues.length > 0) setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])))
      setFailure(fill(strings.failed, { message }))
    } finally {
      setSending(false)
    }
  }

  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }))
  return (
    <View className='jx-track-supplement' role='region' aria-label={strings.title}>
      <View className='jx-heading' role='heading' aria-level={3}>
        {strings.title}
      </View>
      <Text className='jx-body'>{fill(strings.intro, { date: formatDueDate(requested.dueDate), due: dueText(requested.dueDate, track.due) })}</Text>
      <ErrorSummary errors={summary} />
      {requested.items.map((item, index) =>
        item.kind === 'document' && item.documentId ? (
          <DocumentFiles
            key={`document-${item.documentId}`}
            name={item.documentName ?? item.documentId}
            notes={item.question ? [item.question] : []}
            files={draft.documents[item.documentId] ?? []}
            error={errors[documentField(item.documentId)]}
            onAdd={(file) => setFiles(item.documentId ?? '', (files) => [...files, file])}
            onRemove={(uploadId) => setFiles(item.documentId ?? '', (files) => files.filter((file) => file.uploadId !== uploadId))}
          />
        ) : (
          <TextField
            key={`answer-${index}`}
            label={item.question ?? ''}
            hint={strings.answerHint}
            multiline
            value={draft.answers[String(index)] ?? ''}
            error={errors[answerField(index)]}
            onChange={(answer) => change((current) => ({ ...current, answers: { ...current.answers, [String(index)]: answer } }))}
          />
        ),
      )}
      {failure && (
        <View className='jx-field-error' role='alert'>
          {failure}
        </View>
      )}
      <ActionButton primary label={sending ? strings.submitting : strings.submit} loading={sending} onClick={() => void send()} />
    </View>
  )
}
