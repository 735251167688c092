import { Text } from '@tarojs/components'
import type { ClaimStatus } from '@/domain/application'

/** How a status looks: waiting on the person, good news, closed, or in progress. */
function toneOf(status: ClaimStatus): 'action' | 'done' | 'closed' | 'progress' {
  if (status === 'needs_info') return 'action'
  if (status === 'approved' || status === 'paying') return 'done'
  if (status === 'rejected' || status === 'withdrawn' || status === 'referred') return 'closed'
  return 'progress'
}

/** A claim's status in plain words, on a tag whose colour says whether the person needs to act. */
export function StatusTag({ status, label }: { status: ClaimStatus; label: string }) {
  return <Text className={`jx-status jx-status--${toneOf(status)}`}>{label}</Text>
}
