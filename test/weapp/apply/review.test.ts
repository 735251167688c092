import { WANG_SHUFEN } from '../../fixtures/applications'
import { wangShufenForm } from '../../fixtures/applyForms'
import { renderPage, startApp } from '../harness'

/** The application draft as the app keeps it in WeChat's storage (src/lib/storage.ts, storageKeys.applyDraft). */
const DRAFT_KEY = 'jx.apply.draft'

/** The draft as the app saves it, stopped at the review. */
function wangShufenDraft() {
  return { form: wangShufenForm(), step: 'review', idempotencyKey: null, savedAt: '2026-03-01T07:57:00.000Z', serverUpdatedAt: null }
}

describe('the built WeChat application review', () => {
  const wx = startApp()
  beforeEach(() => {
    wx.storage.clear()
    wx.navigations.length = 0
  })

  it('offers to resume a saved draft and shows the review with masked ID numbers and 修改 links', async () => {
    wx.storage.set(DRAFT_KEY, wangShufenDraft())
    const page = await renderPage('subpackages/apply/form/index')
    expect(page.text()).toContain('您有一份没填完的申请')
    await page.tap('继续上次')
    const text = page.text()
    expect(text).toContain('核对申请内容')
    expect(text).toContain('1401**********0025')
    expect(text).toContain('李建国（子女）1401**********2510')
    expect(text).toContain('138****2468')
    expect(text).not.toContain(WANG_SHUFEN.idNumber)
    expect(text).toContain('最低生活保障、高龄津贴')
    // Each part of the form, its heading followed by its 修改 link.
    for (const section of ['这次是为谁申请？', '申请对象的姓名和身份证号码', '申请对象的联系电话', '申请对象住在哪里？', '和申请对象共同生活的家庭成员', '家庭每月收入', '家庭财产', '申请哪些补助？', '上传申请材料', '同意与授权']) {
      expect(text).toContain(`${section}修改`)
    }
    expect(text).toContain('提交申请')
  })

  it('修改 opens the step it is next to, with what was typed', async () => {
    wx.storage.set(DRAFT_KEY, wangShufenDraft())
    const page = await renderPage('subpackages/apply/form/index')
    await page.tap('继续上次')
    // The harness taps the last 修改 on the page: the consent's.
    await page.tap('修改')
    expect(page.text()).toContain('同意与授权')
    expect(page.text()).toContain('家庭经济状况核对授权')
  })

  it('is offered on home as 一次申请', async () => {
    const home = await renderPage('pages/index/index')
    await home.tap('一次申请')
    expect(wx.navigations).toEqual(['/subpackages/apply/form/index'])
  })
})
