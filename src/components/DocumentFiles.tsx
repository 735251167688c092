import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ApiError } from '@/lib/api'
import { useStrings } from '@/lib/i18n'
import { uploadDocument, type ChosenFile, type UploadedFile } from '@/lib/uploads'
import { choosePdfs, choosePhotos } from '@/platform/files'
import { fill } from '@/lib/template'
import './DocumentFiles.scss'

interface PendingUpload {
  key: string
  file: ChosenFile
  percent: number
  failure?: string
}

export interface DocumentFilesProps {
  /** The document's name, the card's heading: 收入证明. */
  name: string
  /** Lines under the heading: what it is, which benefits need it. */
  notes?: readonly string[]
  files: readonly UploadedFile[]
  /** Called once per finished upload (each adds to the files as they are then). */
  onAdd(file: UploadedFile): void
  onRemove(uploadId: string): void
  error?: string
}

let pendingKey = 0

/**
 * One document's files: photos or PDFs chosen on the phone, uploaded with progress, retried when an
 * upload fails (the chosen file is kept), removable. One upload serves every benefit that needs it.
 */
export function DocumentFiles({ name, notes = [], files, onAdd, onRemove, error }: DocumentFilesProps) {
  const strings = useStrings().uploads
  const [pending, setPending] = useState<PendingUpload[]>([])
  const update = (key: string, patch: Partial<PendingUpload>) => setPending((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)))

  function upload(item: PendingUpload) {
    update(item.key, { percent: 0, failure: undefined })
    uploadDocument(item.file, (percent) => update(item.key, { percent }))
      .then((response) => {
        setPending((list) => list.filter((p) => p.key !== item.key))
        onAdd({ uploadId: response.uploadId, name: item.file.name })
      })
      .catch((failure: unknown) => update(item.key, { failure: failure instanceof ApiError ? failure.message : strings.failed }))
  }

  async function choose(pick: () => Promise<ChosenFile[]>) {
    let chosen: ChosenFile[]
    try {
      chosen = await pick()
    } catch {
      // The person closed the picker.
      return
    }
    const added = chosen.map((file): PendingUpload => ({ key: `upload-${(pendingKey += 1)}`, file, percent: 0 }))
    setPending((list) => [...list, ...added])
    added.forEach(upload)
  }

  return (
    <View className={error ? 'jx-card jx-files jx-field--error' : 'jx-card jx-files'} role='group' aria-label={name}>
      <View className='jx-heading' role='heading' aria-level={2}>
        {name}
      </View>
      {notes.map((note) => (
        <Text key={note} className='jx-muted'>
          {note}
        </Text>
      ))}
      {error && <Text className='jx-field-error'>{error}</Text>}
      {files.map((file, index) => (
        <View key={file.uploadId} className='jx-files__row'>
          <Text className='jx-body'>{fill(strings.fileName, { n: index + 1 })}</Text>
          <View className='jx-link' role='button' aria-label={`${strings.remove}${name}${fill(strings.fileName, { n: index + 1 })}`} onClick={() => onRemove(file.uploadId)}>
            {strings.remove}
          </View>
        </View>
      ))}
      {pending.map((item) => (
        <View key={item.key} className='jx-files__row' role='status'>
          <Text className='jx-body'>{item.failure ?? fill(strings.uploading, { percent: item.percent })}</Text>
          {item.failure && (
            <View className='jx-link' role='button' onClick={() => upload(item)}>
              {strings.retry}
            </View>
          )}
        </View>
      ))}
      <Button block size='large' onClick={() => void choose(choosePhotos)}>
        {strings.choose}
      </Button>
      <Button block size='large' onClick={() => void choose(choosePdfs)}>
        {strings.chooseFile}
      </Button>
    </View>
  )
}
