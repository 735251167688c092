import { screen } from '@testing-library/react'
import { HomeScreen } from '@/features/home/HomeScreen'
import { renderScreen } from './render'

describe('首页', () => {
  it('shows only the journeys that are built, each with its one-line explanation', () => {
    renderScreen(<HomeScreen entries={[{ id: 'screening', url: '/subpackages/screening/start/index', tab: false }]} />)
    expect(screen.getByRole('link', { name: '查资格' })).toBeInTheDocument()
    expect(screen.getByText('回答几个问题，看看可能符合哪些补助')).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: '一次申请' })).not.toBeInTheDocument()
  })

  it('says more is coming rather than showing dead buttons when no journey is built', () => {
    renderScreen(<HomeScreen entries={[]} />)
    expect(screen.queryAllByRole('link')).toHaveLength(0)
    expect(screen.getByText('更多服务正在建设中，敬请期待。')).toBeInTheDocument()
  })

  it('always offers the hotline to call', () => {
    renderScreen(<HomeScreen entries={[]} />)
    expect(screen.getByText('拨打 12345')).toBeInTheDocument()
  })
})
