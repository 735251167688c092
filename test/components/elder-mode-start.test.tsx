import { startsInElderMode } from '@/lib/elderMode'

describe('关怀模式 on first run', () => {
  it('follows WeChat’s font setting: standard size stays standard, large turns elder mode on', () => {
    expect(startsInElderMode(undefined, { fontSizeSetting: 17 })).toBe(false)
    expect(startsInElderMode(undefined, { fontSizeSetting: 19 })).toBe(false)
    expect(startsInElderMode(undefined, { fontSizeSetting: 20 })).toBe(true)
    expect(startsInElderMode(undefined, { fontSizeScaleFactor: 1.2 })).toBe(true)
  })

  it('lets the person’s own choice win either way', () => {
    expect(startsInElderMode(false, { fontSizeSetting: 25 })).toBe(false)
    expect(startsInElderMode(true, { fontSizeSetting: 16 })).toBe(true)
  })

  it('starts standard on the web, which reports no font setting', () => {
    expect(startsInElderMode(undefined, {})).toBe(false)
  })
})
