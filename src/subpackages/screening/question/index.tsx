import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { ScreeningFlow } from '@/features/screening/components/ScreeningFlow'
import { useStrings } from '@/lib/i18n'

/** All the screener's questions, one at a time, on this one page (`?edit=<step>` reopens one from the results). */
export default function ScreeningQuestionPage() {
  const { params } = useRouter()
  const edit = params.edit ? decodeURIComponent(params.edit) : undefined
  return (
    <PageShell title={useStrings().screening.title}>
      <ScreeningFlow editKey={edit} />
    </PageShell>
  )
}
