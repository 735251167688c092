import { distanceText, yuan } from '@/features/care/model/format'
import { nextLimit, widerRadius } from '@/features/care/model/search'
import { locales } from '@/locales'

const distance = locales['zh-CN'].careFinder.distance

describe('找服务: numbers as a person reads them', () => {
  it('writes distances in metres under 1 km and in kilometres with one decimal under 10 km', () => {
    expect(distanceText(0, distance)).toBe('10 米')
    expect(distanceText(347, distance)).toBe('350 米')
    expect(distanceText(994, distance)).toBe('990 米')
    expect(distanceText(995, distance)).toBe('1.0 公里')
    expect(distanceText(1234, distance)).toBe('1.2 公里')
    expect(distanceText(9949, distance)).toBe('9.9 公里')
    expect(distanceText(12_600, distance)).toBe('13 公里')
  })

  it('writes whole fen as yuan without trailing zeros', () => {
    expect(yuan(800)).toBe('8')
    expect(yuan(850)).toBe('8.5')
    expect(yuan(805)).toBe('8.05')
    expect(yuan(1500)).toBe('15')
    expect(yuan(0)).toBe('0')
  })

  it('widens 1 → 3 → 5 → 10 → 20 → 50 km and no further', () => {
    expect([1, 3, 5, 10, 20, 50].map(widerRadius)).toEqual([3, 5, 10, 20, 50, undefined])
  })

  it('pages 20 rows at a time (10 in elder mode) up to the 50 the server gives', () => {
    expect(nextLimit(20, false)).toBe(40)
    expect(nextLimit(40, false)).toBe(50)
    expect(nextLimit(50, false)).toBeUndefined()
    expect(nextLimit(10, true)).toBe(20)
  })
})
