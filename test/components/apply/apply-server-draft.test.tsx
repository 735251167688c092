import { fireEvent, screen, waitFor } from '@testing-library/react'
import { clearServerDraft, fetchServerDraft, pushDraft } from '@/features/apply/api/drafts'
import { ApplyFlow } from '@/features/apply/components/ApplyFlow'
import { renderScreen } from '../render'
import { seedApplyDraft, storedApplyDraft, wangShufenForm } from './apply-storage'

jest.mock('@/features/apply/api/drafts', () => ({ fetchServerDraft: jest.fn(), pushDraft: jest.fn(), clearServerDraft: jest.fn() }))
const fetchDraft = fetchServerDraft as jest.MockedFunction<typeof fetchServerDraft>
const push = pushDraft as jest.MockedFunction<typeof pushDraft>

const TODAY = '2026-03-01'
const heading = () => screen.getByRole('heading', { level: 1 }).textContent

beforeEach(() => {
  fetchDraft.mockReset().mockResolvedValue(undefined)
  push.mockReset().mockResolvedValue({ kind: 'saved', updatedAt: '2026-03-01T09:00:00.000Z' })
  ;(clearServerDraft as jest.Mock).mockReset().mockResolvedValue(undefined)
})

describe('申请: the draft on the server', () => {
  it('offers to resume the draft saved from another phone when this one has none', async () => {
    const form = wangShufenForm()
    fetchDraft.mockResolvedValue({ payload: JSON.parse(JSON.stringify({ form, step: 'income' })), updatedAt: '2026-03-01T08:00:00.000Z' })
    renderScreen(<ApplyFlow today={TODAY} />)
    expect(await screen.findByText('您有一份没填完的申请')).toBeInTheDocument()
    expect(screen.getByText('上次填到第 6 步，填过的内容都在。')).toBeInTheDocument()
    fireEvent.click(screen.getByText('继续上次'))
    expect(heading()).toBe('家庭每月收入')
    await screen.findByLabelText('养老金、退休金')
    // A money field is a number input on the web.
    await waitFor(() => expect(screen.getByLabelText('养老金、退休金')).toHaveValue(1150))
    expect(storedApplyDraft().form.name).toBe('王淑芬')
  })

  it('sends each step to the server based on the last server copy, and keeps the one on this phone when the server’s is stale', async () => {
    seedApplyDraft(wangShufenForm(), 'income', { serverUpdatedAt: '2026-03-01T08:00:00.000Z' })
    push
      .mockResolvedValueOnce({ kind: 'stale', current: { payload: {}, updatedAt: '2026-03-01T08:30:00.000Z' } })
      .mockResolvedValueOnce({ kind: 'saved', updatedAt: '2026-03-01T09:00:00.000Z' })
    renderScreen(<ApplyFlow today={TODAY} />)
    fireEvent.click(screen.getByText('继续上次'))
    fireEvent.click(screen.getByText('继续'))
    expect(heading()).toBe('家庭财产')
    await screen.findByText('家庭财产')
    await new Promise((resolve) => setTimeout(resolve, 0))
    // The last `go` (to 家庭财产) is written on top of the server's newer copy.
    const calls = push.mock.calls
    expect(calls[calls.length - 2]).toEqual([expect.objectContaining({ step: 'assets' }), '2026-03-01T08:00:00.000Z'])
    expect(calls[calls.length - 1]).toEqual([expect.objectContaining({ step: 'assets' }), '2026-03-01T08:30:00.000Z'])
    await waitFor(() => expect(storedApplyDraft().serverUpdatedAt).toBe('2026-03-01T09:00:00.000Z'))
    expect(storedApplyDraft().form.name).toBe('王淑芬')
  })
})
