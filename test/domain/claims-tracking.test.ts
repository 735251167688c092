// What tracking shows: which claim needs the applicant first, the list's order, times and due dates
// in Shanxi, and family invitation codes as people type them.
import {
  daysUntil,
  formatDueDate,
  formatInvitationCode,
  formatMonth,
  formatShanghaiTime,
  InvitationCodeSchema,
  isInvitationCode,
  nextActionOf,
  normalizeInvitationCode,
  orderForList,
} from '@/domain/claims'

const claim = (id: string, status: 'needs_info' | 'verifying', dueDate?: string) => ({
  id,
  benefit: 'dibao' as const,
  benefitName: '最低生活保障',
  status,
  requested: dueDate ? { dueDate } : null,
})

describe('the next action', () => {
  test('is the needs_info claim due soonest; none when nothing is asked', () => {
    expect(nextActionOf([claim('a', 'verifying'), claim('b', 'verifying')])).toBeNull()
    expect(nextActionOf([claim('a', 'needs_info', '2026-03-20'), claim('b', 'needs_info', '2026-03-10'), claim('c', 'needs_info', '2026-03-10')])).toMatchObject({
      claimId: 'b',
      dueDate: '2026-03-10',
    })
    // A claim no longer in needs_info asks for nothing, whatever it once asked.
    expect(nextActionOf([{ ...claim('a', 'verifying'), requested: { dueDate: '2026-03-01' } }])).toBeNull()
  })

  test('the list: those needing the person first, soonest due first, then the newest', () => {
    const applications = [
      { id: 'old', createdAt: '2026-01-01T00:00:00.000Z', nextAction: null },
      { id: 'due-later', createdAt: '2026-01-02T00:00:00.000Z', nextAction: { dueDate: '2026-04-01' } },
      { id: 'new', createdAt: '2026-03-01T00:00:00.000Z', nextAction: null },
      { id: 'due-soon', createdAt: '2025-12-01T00:00:00.000Z', nextAction: { dueDate: '2026-03-15' } },
    ]
    expect(orderForList(applications).map((application) => application.id)).toEqual(['due-soon', 'due-later', 'new', 'old'])
  })
})

describe('dates in Shanxi', () => {
  test('a timeline time is read at UTC+8, whatever the phone’s zone', () => {
    expect(formatShanghaiTime('2026-03-01T16:30:00.000Z')).toBe('2026年3月2日 00:30')
    expect(formatShanghaiTime('2026-03-01T08:05:00.000Z')).toBe('2026年3月1日 16:05')
  })

  test('due dates: the year only when it is not this year; days left counted from today in Shanxi', () => {
    const now = Date.parse('2026-03-10T17:00:00.000Z') // 11 March, 01:00 in Shanxi
    expect(formatDueDate('2026-03-20', now)).toBe('3月20日')
    expect(formatDueDate('2027-01-05', now)).toBe('2027年1月5日')
    expect(daysUntil('2026-03-20', now)).toBe(9)
    expect(daysUntil('2026-03-11', now)).toBe(0)
    expect(daysUntil('2026-03-08', now)).toBe(-3)
  })

  test('a month as people write it', () => {
    expect(formatMonth('2026-04')).toBe('2026 年 4 月')
    expect(formatMonth('2026-12')).toBe('2026 年 12 月')
  })
})

describe('invitation codes', () => {
  test('typed in any case, with spaces or the hyphen, are the same code', () => {
    expect(normalizeInvitationCode('ab3cd-7efgh')).toBe('AB3CD7EFGH')
    expect(normalizeInvitationCode(' AB3CD 7EFGH ')).toBe('AB3CD7EFGH')
    expect(formatInvitationCode('ab3cd7efgh')).toBe('AB3CD-7EFGH')
    expect(InvitationCodeSchema.parse('ab3cd-7efgh')).toBe('AB3CD7EFGH')
  })

  test('only 10 characters of the unambiguous alphabet are codes (no I, L, O, U)', () => {
    expect(isInvitationCode('AB3CD7EFGH')).toBe(true)
    for (const wrong of ['AB3CD7EFG', 'AB3CD7EFGHJ', 'AB3CD7EFGI', 'AB3CD7EFGO', 'AB3CD7EFGL', 'AB3CD7EFGU', '邀请码ABCDEFG']) expect(isInvitationCode(wrong)).toBe(false)
    expect(InvitationCodeSchema.safeParse('hello').success).toBe(false)
  })
})
