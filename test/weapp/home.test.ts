import { renderPage, startApp } from './harness'

describe('the built WeChat home page', () => {
  const wx = startApp()

  it('greets the resident and offers the civil-affairs hotline', async () => {
    const page = await renderPage('pages/index/index')
    expect(page.text()).toContain('您好，有什么可以帮您？')
    expect(page.text()).toContain('12345 政务服务便民热线')
  })

  it('calls the hotline when the call button is tapped', async () => {
    const page = await renderPage('pages/index/index')
    await page.tap('拨打 12345')
    expect(wx.phoneCalls).toEqual(['12345'])
  })
})
