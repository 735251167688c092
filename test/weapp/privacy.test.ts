import { renderPage, startApp } from './harness'

describe('WeChat’s privacy authorization on the built app', () => {
  const wx = startApp()

  it('shows our consent sheet when WeChat asks, and tells WeChat which button the person pressed', async () => {
    const page = await renderPage('pages/me/index')
    expect(page.text()).not.toContain('需要您的同意')
    const answers: { event: string; buttonId?: string }[] = []
    wx.privacyListener?.((answer) => answers.push(answer))
    await page.settle()
    expect(page.text()).toContain('需要您的同意')
    expect(page.text()).toContain('查看隐私保护指引')
    await page.fire('同意并继续', 'agreeprivacyauthorization')
    expect(answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }])
    expect(page.text()).not.toContain('需要您的同意')
  })

  it('lets the person say no, and WeChat is told so', async () => {
    const page = await renderPage('pages/me/index')
    const answers: { event: string }[] = []
    wx.privacyListener?.((answer) => answers.push(answer))
    await page.settle()
    await page.tap('不同意')
    expect(answers).toEqual([{ event: 'disagree' }])
  })
})
