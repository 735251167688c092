import { liJianguoFamily, wangXiuying } from '../components/screening-fixtures'
import { renderPage, startApp } from './harness'

/** The screener's saved answers, as the app keeps them in WeChat's storage. */
const DRAFT_KEY = 'jx.screening'

describe('the built WeChat screener', () => {
  const wx = startApp()
  beforeEach(() => {
    wx.storage.clear()
    wx.navigations.length = 0
  })

  it('shows an 82-year-old living alone in Taiyuan the three groups with her amounts', async () => {
    wx.storage.set(DRAFT_KEY, { answers: wangXiuying(), step: null, finished: true })
    const page = await renderPage('subpackages/screening/results/index')
    const text = page.text()
    for (const words of ['自测结果', '可能符合', '需进一步确认', '暂不符合', '自测结果仅供参考，以审核认定为准']) expect(text).toContain(words)
    const likely = text.slice(text.indexOf('可能符合'), text.indexOf('需进一步确认'))
    // Each benefit's name, its 示例标准 tag where a standard is illustrative, then its amount.
    expect(likely).toMatch(/最低生活保障示例标准约 669 元\/月/)
    expect(likely).toMatch(/特困人员救助供养示例标准约 870 元\/月/)
    expect(likely).toMatch(/高龄津贴示例标准约 50 元\/月/)
    expect(likely).toMatch(/适老化改造补贴最高 18000 元（一次性）/)
    // 政策依据: the programme that sets the cap, named with its issuers and date.
    expect(likely).toContain('适老化改造补贴上限：18000 元（一次性）（2025-07-21 起执行）')
    expect(likely).toContain('来源：山西省民政厅、省发展改革委、省财政厅、省商务厅《2025年山西省实施居家适老化改造产品消费补贴“晋孝焕新”行动方案》，2025-07-21')
    const unlikely = text.slice(text.indexOf('暂不符合'), text.indexOf('需要准备的材料'))
    expect(unlikely).toContain('低保边缘家庭')
    expect(unlikely).not.toContain('元/月')
  })

  it('shows a family whose supporter is unknown 特困 under 需进一步确认, and one list of documents', async () => {
    wx.storage.set(DRAFT_KEY, { answers: liJianguoFamily(), step: null, finished: true })
    const page = await renderPage('subpackages/screening/results/index')
    const text = page.text()
    const maybe = text.slice(text.indexOf('需进一步确认'), text.indexOf('暂不符合'))
    expect(maybe).toMatch(/特困人员救助供养示例标准约 1444 元\/月/)
    expect(maybe).toContain('?待确认：您还没有告诉我们是否有能赡养、抚养或扶养的亲属')
    const start = text.indexOf('需要准备的材料')
    const documents = text.slice(start, text.indexOf('您的回答', start))
    // Six documents, each once, each saying which benefits need it.
    expect(documents.match(/用于：/g)).toHaveLength(6)
    expect(documents.match(/身份证申请人及家庭成员的居民身份证/g)).toHaveLength(1)
    expect(documents).toContain('残疾人证第二代中华人民共和国残疾人证，写明残疾类别和等级用于：困难残疾人生活补贴、重度残疾人护理补贴')
  })

  it('opens a question from the results with 修改', async () => {
    wx.storage.set(DRAFT_KEY, { answers: wangXiuying(), step: null, finished: true })
    const page = await renderPage('subpackages/screening/results/index')
    // The harness taps the last 修改 on the page: the last question's.
    await page.tap('修改')
    expect(wx.navigations).toEqual(['/subpackages/screening/question/index?edit=suddenHardship'])
  })

  it('is offered on home as 查资格', async () => {
    const home = await renderPage('pages/index/index')
    await home.tap('查资格')
    expect(wx.navigations).toEqual(['/subpackages/screening/question/index'])
  })

  it('asks the first question on WeChat and saves each answer', async () => {
    const page = await renderPage('subpackages/screening/question/index')
    expect(page.text()).toContain('查一查您家可能符合哪些补助')
    await page.tap('开始')
    expect(page.text()).toContain('您住在山西省哪个市？')
    expect(page.text()).toContain('第 1 步，共约 15 步')
    await page.tap('太原市')
    await page.tap('继续')
    expect(page.text()).toContain('您家在城市还是农村？')
    expect(wx.storage.get(DRAFT_KEY)).toMatchObject({ answers: { cityCode: '140100' }, step: 'area' })
  })
})
