import fc from 'fast-check'
import { FIXED_OFFSET_SINCE_MS, toShanghai, toShanghaiViaTz } from '@/domain/time'
import {
  OpeningHours,
  type Interval,
  allDayEveryDay,
  hoursOn,
  intervalsOn,
  isOpenAt,
  localMoment,
  weekHours,
} from '@/domain/care/openingHours'

type Days = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Interval[]>>
const hours = (days: Days, closedDates: string[] = []): OpeningHours =>
  OpeningHours.parse({ weekly: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [], ...days }, closedDates })

const weekdays = (intervals: Interval[]): Days => ({ 1: intervals, 2: intervals, 3: intervals, 4: intervals, 5: intervals })

// 2025-06-30 is a Monday; 2025-07-04 a Friday; 2025-07-05 a Saturday; 2025-07-06 a Sunday.
describe('opening hours in Asia/Shanghai', () => {
  const canteen = hours(
    { ...weekdays([{ open: '06:30', close: '09:00' }, { open: '11:00', close: '13:30' }]), 6: [{ open: '11:00', close: '13:30' }] },
    ['2025-10-01'],
  )

  it('reads the local moment in Shanghai, whatever zone the input is in', () => {
    expect(localMoment('2025-06-30T03:00:00Z')).toEqual({ date: '2025-06-30', weekday: 1, minute: 11 * 60, prevDate: '2025-06-29', prevWeekday: 7 })
    // 23:30 UTC on Sunday is 07:30 on Monday in Shanghai.
    expect(localMoment('2025-06-29T23:30:00Z')).toMatchObject({ date: '2025-06-30', weekday: 1, minute: 7 * 60 + 30 })
    expect(localMoment('2025-06-30T07:30:00+08:00')).toMatchObject({ date: '2025-06-30', weekday: 1, minute: 450 })
    // Without an offset, the time is Shanghai wall time.
    expect(localMoment('2025-06-30T07:30')).toMatchObject({ date: '2025-06-30', minute: 450 })
    expect(localMoment(new Date(Date.UTC(2025, 5, 29, 23, 30)))).toMatchObject({ date: '2025-06-30', minute: 450 })
    expect(toShanghai('2025-06-30T03:00:00Z').format()).toBe('2025-06-30T11:00:00+08:00')
  })

  it('is open during each interval with a break between them', () => {
    expect(isOpenAt(canteen, '2025-06-30T07:00:00+08:00')).toBe(true)
    expect(isOpenAt(canteen, '2025-06-30T10:00:00+08:00')).toBe(false) // the break
    expect(isOpenAt(canteen, '2025-06-30T12:00:00+08:00')).toBe(true)
    expect(isOpenAt(canteen, '2025-06-30T18:00:00+08:00')).toBe(false)
  })

  it('is open at the opening minute and closed at the closing minute', () => {
    expect(isOpenAt(canteen, '2025-06-30T10:59:59+08:00')).toBe(false)
    expect(isOpenAt(canteen, '2025-06-30T11:00:00+08:00')).toBe(true)
    expect(isOpenAt(canteen, '2025-06-30T13:29:59+08:00')).toBe(true)
    expect(isOpenAt(canteen, '2025-06-30T13:30:00+08:00')).toBe(false)
  })

  it('evaluates a UTC instant in Shanghai time, not in UTC', () => {
    // 04:00 UTC = 12:00 in Shanghai (open); read as UTC wall time it would be 04:00 (closed).
    expect(isOpenAt(canteen, '2025-06-30T04:00:00Z')).toBe(true)
    // 12:00 UTC = 20:00 in Shanghai (closed), though 12:00 is inside lunch.
    expect(isOpenAt(canteen, '2025-06-30T12:00:00Z')).toBe(false)
    // Sunday 23:00 UTC is Monday 07:00 in Shanghai: breakfast is on.
    expect(isOpenAt(canteen, '2025-06-29T23:00:00Z')).toBe(true)
  })

  it('is closed all day on a weekday without hours', () => {
    for (const t of ['00:00', '07:00', '12:00', '23:59']) expect(isOpenAt(canteen, `2025-07-06T${t}:00+08:00`)).toBe(false)
    expect(hoursOn(canteen, '2025-07-06')).toBe('今日休息')
  })

  it('is closed on a holiday closed date, and open the day after', () => {
    // 2025-10-01 is a Wednesday.
    expect(isOpenAt(canteen, '2025-10-01T12:00:00+08:00')).toBe(false)
    expect(hoursOn(canteen, '2025-10-01')).toBe('今日休息')
    expect(isOpenAt(canteen, '2025-10-02T12:00:00+08:00')).toBe(true)
    expect(isOpenAt(canteen, '2025-09-30T12:00:00+08:00')).toBe(true)
  })

  describe('overnight intervals', () => {
    // Friday and Saturday nights 20:00 → 02:00.
    const night = hours({ 5: [{ open: '20:00', close: '02:00' }], 6: [{ open: '20:00', close: '02:00' }] }, ['2025-07-12'])

    it('is open from the evening into the next morning', () => {
      expect(isOpenAt(night, '2025-07-04T19:59:00+08:00')).toBe(false)
      expect(isOpenAt(night, '2025-07-04T20:00:00+08:00')).toBe(true)
      expect(isOpenAt(night, '2025-07-04T23:59:59+08:00')).toBe(true)
      expect(isOpenAt(night, '2025-07-05T00:00:00+08:00')).toBe(true)
      expect(isOpenAt(night, '2025-07-05T01:59:00+08:00')).toBe(true)
      expect(isOpenAt(night, '2025-07-05T02:00:00+08:00')).toBe(false)
    })

    it('counts yesterday’s overnight interval on a day that has no hours of its own', () => {
      // Sunday 01:00 is the tail of Saturday night.
      expect(isOpenAt(night, '2025-07-06T01:00:00+08:00')).toBe(true)
      expect(isOpenAt(night, '2025-07-06T03:00:00+08:00')).toBe(false)
      // Friday 01:00: Thursday had no night interval.
      expect(isOpenAt(night, '2025-07-04T01:00:00+08:00')).toBe(false)
    })

    it('cancels an overnight interval that would start on a closed date, but not the tail of the night before', () => {
      // 2025-07-12 is a Saturday and closed: Friday night's tail still runs, Saturday night does not start.
      expect(isOpenAt(night, '2025-07-12T01:00:00+08:00')).toBe(true)
      expect(isOpenAt(night, '2025-07-12T21:00:00+08:00')).toBe(false)
      expect(isOpenAt(night, '2025-07-13T01:00:00+08:00')).toBe(false)
    })

    it('crosses midnight in Shanghai even when the instant is given in UTC', () => {
      // Friday 16:30 UTC = Saturday 00:30 Shanghai.
      expect(isOpenAt(night, '2025-07-04T16:30:00Z')).toBe(true)
    })

    it('shows the overnight interval as running to the next day', () => {
      expect(hoursOn(night, '2025-07-04')).toBe('今日 20:00–次日02:00')
      expect(hoursOn(night, '2025-07-06')).toBe('今日休息')
    })
  })

  it('is always open when open 00:00–24:00 every day', () => {
    const care = allDayEveryDay()
    for (const t of ['2025-06-30T00:00:00+08:00', '2025-06-30T23:59:59+08:00', '2025-07-06T12:00:00+08:00']) expect(isOpenAt(care, t)).toBe(true)
    expect(hoursOn(care, '2025-06-30')).toBe('今日 24小时')
  })

  it('writes today’s hours as zh-CN text, sorted, with a custom label', () => {
    const unsorted = hours({ 1: [{ open: '11:00', close: '13:30' }, { open: '06:30', close: '09:00' }] })
    expect(hoursOn(unsorted, '2025-06-30')).toBe('今日 06:30–09:00, 11:00–13:30')
    expect(hoursOn(unsorted, '2025-06-30', '周一')).toBe('周一 06:30–09:00, 11:00–13:30')
    expect(intervalsOn(unsorted, '2025-06-30').map((iv) => iv.open)).toEqual(['06:30', '11:00'])
    // The date of a UTC instant is the Shanghai date: 2025-06-29T20:00Z is Monday 04:00 in Shanghai.
    expect(hoursOn(unsorted, '2025-06-29T20:00:00Z')).toBe('今日 06:30–09:00, 11:00–13:30')
  })

  it('lists the week Monday first', () => {
    expect(weekHours(canteen).map((d) => `${d.label} ${d.text}`)).toEqual([
      '周一 06:30–09:00, 11:00–13:30', '周二 06:30–09:00, 11:00–13:30', '周三 06:30–09:00, 11:00–13:30',
      '周四 06:30–09:00, 11:00–13:30', '周五 06:30–09:00, 11:00–13:30', '周六 11:00–13:30', '周日 休息',
    ])
  })

  describe('validation', () => {
    const parse = (days: Days, closedDates: unknown = []) =>
      OpeningHours.safeParse({ weekly: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [], ...days }, closedDates })

    it('refuses malformed times, equal open and close, and overlapping intervals', () => {
      expect(parse({ 1: [{ open: '8:00', close: '12:00' }] }).success).toBe(false)
      expect(parse({ 1: [{ open: '24:00', close: '12:00' }] }).success).toBe(false)
      expect(parse({ 1: [{ open: '08:00', close: '24:30' }] }).success).toBe(false)
      expect(parse({ 1: [{ open: '08:00', close: '08:00' }] }).success).toBe(false)
      const overlap = parse({ 1: [{ open: '08:00', close: '12:00' }, { open: '11:00', close: '14:00' }] })
      expect(overlap.success).toBe(false)
      expect(overlap.error?.issues[0]?.path).toEqual(['weekly', '1', 1])
    })

    it('refuses an overnight interval running into the next day’s first interval', () => {
      const r = parse({ 1: [{ open: '22:00', close: '07:00' }], 2: [{ open: '06:00', close: '10:00' }] })
      expect(r.success).toBe(false)
      expect(r.error?.issues[0]?.message).toContain('跨夜')
    })

    it('accepts touching intervals, 24:00 and a missing closedDates list', () => {
      expect(parse({ 1: [{ open: '08:00', close: '12:00' }, { open: '12:00', close: '24:00' }] }).success).toBe(true)
      expect(OpeningHours.parse({ weekly: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } }).closedDates).toEqual([])
    })

    it('refuses bad closed dates and a missing weekday', () => {
      expect(parse({}, ['2025-13-01']).success).toBe(false)
      expect(OpeningHours.safeParse({ weekly: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } }).success).toBe(false)
    })
  })
})

describe('conversion to Shanghai time', () => {
  it('gives what the tz database gives, for any instant since DST ended on 1991-09-15', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIXED_OFFSET_SINCE_MS, max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(toShanghai(ms).format('YYYY-MM-DDTHH:mm:ss.SSSZ d')).toBe(toShanghaiViaTz(ms).format('YYYY-MM-DDTHH:mm:ss.SSSZ d'))
        const iso = new Date(ms).toISOString()
        expect(toShanghai(iso).valueOf()).toBe(ms)
        const wall = toShanghaiViaTz(ms).format('YYYY-MM-DDTHH:mm:ss')
        expect(toShanghai(wall).valueOf()).toBe(toShanghaiViaTz(wall).valueOf())
      }),
      { numRuns: 2000 },
    )
  })

  it('uses the tz database before 1991, when China still had daylight saving', () => {
    // 1988-07-01 12:00 UTC was 21:00 in Shanghai (UTC+9 in summer then).
    expect(toShanghai('1988-07-01T12:00:00Z').format('HH:mm Z')).toBe('21:00 +09:00')
  })

  it('does not depend on the machine’s own time zone', () => {
    const saved = process.env.TZ
    try {
      for (const tz of ['Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz
        expect(localMoment('2025-06-30')).toMatchObject({ date: '2025-06-30', weekday: 1, minute: 0 })
        expect(localMoment('2025-06-30T23:59')).toMatchObject({ date: '2025-06-30', minute: 23 * 60 + 59 })
        expect(localMoment('2025-06-29T16:00:00Z')).toMatchObject({ date: '2025-06-30', minute: 0 })
      }
    } finally {
      process.env.TZ = saved
    }
  })
})
