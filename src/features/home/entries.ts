/** The journeys shown on home. A journey appears here once it is built, so home never offers a dead button. */
export type EntryId = 'screening' | 'apply' | 'track' | 'care'

export interface HomeEntry {
  id: EntryId
  url: string
  /** Tab pages are opened with switchTab, others with navigateTo. */
  tab: boolean
}

export const homeEntries: HomeEntry[] = [
  { id: 'screening', url: '/subpackages/screening/question/index', tab: false },
  { id: 'apply', url: '/subpackages/apply/form/index', tab: false },
  { id: 'track', url: '/pages/applications/index', tab: true },
  { id: 'care', url: '/pages/care/index', tab: true },
]
