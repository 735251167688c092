import { renderPage, startApp } from './harness'

describe('elder mode on first run', () => {
  it('follows WeChat’s large font setting when the person has not chosen yet', async () => {
    startApp({ fontSizeSetting: 23 })
    const page = await renderPage('pages/index/index')
    expect(page.dom.querySelector('[class*="jx-page--elder"]')).not.toBeNull()
  })
})
