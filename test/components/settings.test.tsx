import { fireEvent, screen } from '@testing-library/react'
import { SettingsScreen } from '@/features/settings/SettingsScreen'
import { renderScreen } from './render'

describe('我的: settings', () => {
  it('shows elder mode as one labelled switch, off by default', () => {
    renderScreen(<SettingsScreen />)
    const toggle = screen.getByRole('switch', { name: '关怀模式' })
    expect(toggle).toHaveAttribute('aria-checked', 'false')
  })

  it('turns elder mode on for the whole page and remembers it', () => {
    const { container } = renderScreen(<SettingsScreen />)
    fireEvent.click(screen.getByRole('switch', { name: '关怀模式' }))
    expect(screen.getByRole('switch', { name: '关怀模式' })).toHaveAttribute('aria-checked', 'true')
    const page = container.querySelector<HTMLElement>('.jx-page')
    expect(page?.className).toContain('jx-page--elder')
    expect(page?.style.getPropertyValue('--jx-font-body')).toBe('20px')
    expect(page?.style.getPropertyValue('--nutui-font-size-s')).toBe('18px')
    expect(JSON.parse(localStorage.getItem('jx.elderMode') ?? 'null')).toMatchObject({ data: true })
  })

  it('keeps the person’s choice on the next start', () => {
    renderScreen(<SettingsScreen />)
    fireEvent.click(screen.getByRole('switch', { name: '关怀模式' }))
    const second = renderScreen(<SettingsScreen />)
    expect(second.getAllByRole('switch', { name: '关怀模式' }).at(-1)).toHaveAttribute('aria-checked', 'true')
  })

  it('names the language and links to the privacy guide and about', () => {
    renderScreen(<SettingsScreen />)
    expect(screen.getByText('简体中文')).toBeInTheDocument()
    expect(screen.getByText('隐私保护指引')).toBeInTheDocument()
    expect(screen.getByText('关于晋心助手')).toBeInTheDocument()
  })
})
