import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { residentIdNumber } from '../fixtures/applications'
import { launch, openRoute, phoneContext } from './browser'
import { answerScreenerAsWangXiuying, questionPages } from './phone'

jest.setTimeout(240_000)

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())
beforeEach(async () => {
  context = await phoneContext(browser)
  page = await context.newPage()
})
afterEach(async () => context?.close())

const { expectHeading, press, choose } = questionPages(() => page)

const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value)

/** 王秀英, 82, alone in 太原市小店区: the screener first, as a resident would. */
const WANG_XIUYING = { name: '王秀英', idNumber: residentIdNumber('140105', '1944-05-12', 24), phone: '13803516677' }

async function screenAsWangXiuying() {
  await openRoute(page, 'subpackages/screening/question/index')
  await answerScreenerAsWangXiuying(() => page)
}

describe('一次申请 in the browser against the real server', () => {
  it('goes from the screener’s results through every step with a real upload to the success page, and survives a reload', async () => {
    await screenAsWangXiuying()
    await press('申请这些补助')
    await expectHeading('一次申请多项补助')
    await page.getByText('已带入自测时选择的补助：').waitFor()
    await press('开始填写')

    await choose('这次是为谁申请？', '为我自己申请')
    await expectHeading('申请对象的姓名和身份证号码')
    await fill('姓名', WANG_XIUYING.name)
    await fill('居民身份证号码', WANG_XIUYING.idNumber)
    await page.getByText('出生日期 1944-05-12，女').waitFor()
    await press('继续')
    await expectHeading('申请对象的联系电话')
    await fill('手机号码', WANG_XIUYING.phone)
    await press('继续')

    await expectHeading('申请对象住在哪里？')
    // The city came from the screener.
    await page.getByRole('radio', { name: '太原市', checked: true }).waitFor()
    await page.getByRole('radio', { name: '小店区', exact: true }).click()
    await fill('乡镇（街道）', '坞城街道')
    await fill('详细地址（村、社区、门牌号）', '双塔西街 38 号院 5 号楼 2 单元 301')
    await press('继续')

    await expectHeading('和申请对象共同生活的家庭成员')
    await press('继续')

    await expectHeading('家庭每月收入')
    await fill('工资性收入', '0')
    await fill('养老金、退休金', '0')
    // The page is reloaded in the middle of a step: what was typed is saved as it is typed.
    await page.reload()
    await expectHeading('一次申请多项补助')
    await press('继续上次')
    await expectHeading('家庭每月收入')
    await page.getByLabel('养老金、退休金', { exact: true }).waitFor()
    for (const label of ['经营性收入', '种植养殖等农业收入', '房租、利息等财产性收入', '赡养费、扶养费、抚养费', '其他收入']) await fill(label, '0')
    await press('继续')

    await expectHeading('家庭财产')
    for (const label of ['存款', '股票、基金、理财', '机动车（辆）', '除自住外的房产（套）']) await fill(label, '0')
    await press('继续')

    await expectHeading('申请哪些补助？')
    await page.getByRole('checkbox', { name: '最低生活保障', checked: true }).waitFor()
    await press('继续')

    await expectHeading('上传申请材料')
    const idCard = page.getByRole('group', { name: '身份证', exact: true })
    const chooser = page.waitForEvent('filechooser')
    await idCard.locator('.nut-button', { hasText: '拍照或选择图片' }).click()
    await (await chooser).setFiles(join(__dirname, '../fixtures/uploads/id-card.jpg'))
    await idCard.getByText(/文件 1|上传失败/).waitFor({ timeout: 10_000 }).catch(() => undefined)
    expect(await idCard.innerText()).toContain('文件 1')
    await press('继续')

    await expectHeading('同意与授权')
    await page.getByRole('checkbox', { name: '我已阅读并同意《隐私保护指引》' }).click()
    await page.getByRole('checkbox', { name: '我同意为办理申请处理上述敏感个人信息' }).click()
    await press('王秀英本人确认授权')
    await page.getByText('王秀英已确认授权').waitFor()
    await press('继续')

    await expectHeading('核对申请内容')
    await page.getByText(`${WANG_XIUYING.idNumber.slice(0, 4)}**********${WANG_XIUYING.idNumber.slice(14)}`).waitFor()
    await page.getByText('身份证：已上传 1 个文件').waitFor()
    await press('提交申请')

    await expectHeading('申请已提交')
    const number = (await page.locator('.jx-apply-card').first().innerText()).replace('申请编号', '').trim()
    expect(number).toMatch(/^[0-9a-f-]{36}$/)
    await page.getByText('最低生活保障：').first().waitFor()

    // The same person (this browser's device id is the sign-in) sees it through the API.
    const listed = await page.evaluate(async () => {
      const stored = JSON.parse(localStorage.getItem('jx.session') ?? '{}') as { data?: { token?: string } }
      const response = await fetch('/api/v1/applications', { headers: { Authorization: `Bearer ${stored.data?.token ?? ''}` } })
      return { status: response.status, body: (await response.json()) as unknown }
    })
    expect(listed.status).toBe(200)
    expect(JSON.stringify(listed.body)).toContain(number)
  })
})
