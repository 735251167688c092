import { renderPage, startApp } from './harness'

const pageRoot = (dom: HTMLElement) => dom.querySelector<HTMLElement>('[class*="jx-page"]')

describe('the built WeChat 我的 page', () => {
  const wx = startApp()

  it('offers elder mode, the language, the privacy guide and about', async () => {
    const page = await renderPage('pages/me/index')
    for (const label of ['关怀模式', '字更大、按钮更大', '语言', '简体中文', '隐私保护指引', '关于晋心助手']) {
      expect(page.text()).toContain(label)
    }
  })

  it('turns elder mode on with one tap: larger text and targets, remembered for next time', async () => {
    const page = await renderPage('pages/me/index')
    expect(pageRoot(page.dom)?.className).not.toContain('jx-page--elder')
    await page.tap('关怀模式')
    const root = pageRoot(page.dom)
    expect(root?.className).toContain('jx-page--elder')
    expect(root?.getAttribute('style')).toContain('--jx-font-body: 20px')
    expect(root?.getAttribute('style')).toContain('--jx-tap-target: 60px')
    expect(wx.storage.get('jx.elderMode')).toBe(true)
  })

  it('opens the privacy guide', async () => {
    const page = await renderPage('pages/me/index')
    await page.tap('隐私保护指引')
    expect(wx.navigations).toContain('/subpackages/info/privacy/index')
  })
})
