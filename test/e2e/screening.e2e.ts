import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { openRoute } from './browser'
import { answerScreenerAsWangXiuying, artifacts, questionPages, seriousViolations, smallTapTargets, turnOnElderMode, usePhoneBrowser } from './phone'

jest.setTimeout(180_000)

const questionRoute = 'subpackages/screening/question/index'

const phone = usePhoneBrowser()
let page: Page
beforeEach(() => {
  page = phone.page
})

const { expectHeading: expectQuestion, press, choose, answer } = questionPages(() => page)

const group = (name: string) => page.getByRole('region', { name, exact: true })
const benefit = (within: Locator, name: string) => within.getByRole('group', { name, exact: true })

/** 王秀英, 82, alone in Taiyuan (city): no income, savings, property or anyone able to support her. */
async function answerAsWangXiuying({ fromHome = false } = {}) {
  if (fromHome) {
    await openRoute(page, 'pages/index/index')
    await page.getByRole('link', { name: '查资格' }).click()
    await page.getByRole('heading', { level: 1, name: '查一查您家可能符合哪些补助' }).waitFor()
  } else {
    await openRoute(page, questionRoute)
  }
  await answerScreenerAsWangXiuying(() => page)
}

describe('查资格 in a phone-size browser', () => {
  it('an 82-year-old living alone in Taiyuan sees 低保, 特困 and 高龄津贴 as likely; at 79 高龄津贴 moves to 暂不符合', async () => {
    await answerAsWangXiuying({ fromHome: true })
    const likely = group('可能符合')
    await expect(benefit(likely, '最低生活保障').getByText('约 669 元/月').isVisible()).resolves.toBe(true)
    await expect(benefit(likely, '特困人员救助供养').getByText('约 870 元/月').isVisible()).resolves.toBe(true)
    await expect(benefit(likely, '高龄津贴').getByText('约 50 元/月').isVisible()).resolves.toBe(true)
    await expect(page.getByText('自测结果仅供参考，以审核认定为准').first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: join(artifacts, 'screening-results.png'), fullPage: true })

    await page.getByRole('link', { name: '修改：您的年龄是多少？' }).click()
    await expectQuestion('您的年龄是多少？')
    await expect(page.getByLabel('您的年龄是多少？', { exact: true }).inputValue()).resolves.toBe('82')
    await answer('您的年龄是多少？', '79')

    await page.getByRole('heading', { level: 1, name: '自测结果' }).waitFor()
    await benefit(group('暂不符合'), '高龄津贴').waitFor()
    await expect(benefit(group('暂不符合'), '高龄津贴').getByText('家中没有 80 周岁以上的老人').isVisible()).resolves.toBe(true)
    await expect(benefit(group('可能符合'), '高龄津贴').count()).resolves.toBe(0)
    await expect(benefit(group('可能符合'), '最低生活保障').isVisible()).resolves.toBe(true)
  })

  it('keeps the answers when the page is reloaded, and offers 继续上次 or 重新开始', async () => {
    await openRoute(page, questionRoute)
    await press('开始')
    await choose('您住在山西省哪个市？', '晋中市')
    await choose('您家在城市还是农村？', '农村（村、村委会）')
    await expectQuestion('您的户口在山西省吗？')
    await page.reload()
    await openRoute(page, questionRoute)
    await page.getByText('上次填到第 3 步，可以接着填，也可以重新开始。').waitFor()
    await press('继续上次')
    await expectQuestion('您的户口在山西省吗？')
  })

  it('shows a wrong number next to the field and at the top, keeping what was typed', async () => {
    await openRoute(page, questionRoute)
    await press('开始')
    await choose('您住在山西省哪个市？', '太原市')
    await choose('您家在城市还是农村？', '城市（社区、居委会）')
    await choose('您的户口在山西省吗？', '不确定')
    await answer('家里一共几口人（包括您自己）？', '25')
    await expect(page.getByRole('alert').getByText('家里人数应在 1 到 20 人之间').isVisible()).resolves.toBe(true)
    await expect(page.getByLabel('家里一共几口人（包括您自己）？', { exact: true }).inputValue()).resolves.toBe('25')
    expect(await seriousViolations(page, 'question page with an error')).toEqual([])
  })

  it.each([false, true])('has no serious or critical accessibility violation on a question page and the results (elder mode: %s)', async (elder) => {
    if (elder) await turnOnElderMode(page)
    await answerAsWangXiuying()
    expect(await seriousViolations(page, 'results')).toEqual([])
    if (elder) {
      expect(await smallTapTargets(page)).toEqual([])
      await page.screenshot({ path: join(artifacts, 'screening-results-elder.png'), fullPage: true })
    }
    await page.getByRole('link', { name: '修改：您的年龄是多少？' }).click()
    await expectQuestion('您的年龄是多少？')
    expect(await seriousViolations(page, 'number question')).toEqual([])
    await page.getByRole('link', { name: '返回' }).click()
    await page.getByRole('link', { name: '修改：您的生活能自理吗？' }).click()
    await expectQuestion('您的生活能自理吗？')
    expect(await seriousViolations(page, 'choice question')).toEqual([])
    if (elder) {
      expect(await smallTapTargets(page)).toEqual([])
      await page.screenshot({ path: join(artifacts, 'screening-question-elder.png') })
    }
  })
})
