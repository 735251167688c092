/**
 * 查进度 in a phone-size chromium against the real server: 王淑芬 submits an application; the review
 * system (played with `npm run case`) accepts it and asks for an income proof; she sees it in her list
 * and supplies it on the application's page; her son accepts her invitation and follows it, masked;
 * she revokes him and he can no longer see it.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import dayjs from 'dayjs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { ApplicationResponseSchema } from '@/domain/application'
import { todayInShanghai } from '@/domain/time'
import { residentIdNumber, wangShufenApplication, WANG_SHUFEN } from '../fixtures/applications'
import { baseUrl, launch, openRoute, phoneContext } from './browser'
import { artifacts, seriousViolations, smallTapTargets, textSizes, turnOnElderMode } from './phone'

jest.setTimeout(240_000)

const root = join(__dirname, '..', '..')
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})

/** A phone whose web sign-in is `deviceId` (the development identity), as if it had been used before. */
async function phoneOf(deviceId: string): Promise<Page> {
  const context = await phoneContext(browser)
  contexts.push(context)
  await context.addInitScript((id) => {
    if (!localStorage.getItem('jx.deviceId')) localStorage.setItem('jx.deviceId', JSON.stringify({ data: id }))
  }, deviceId)
  return context.newPage()
}

const newDeviceId = (who: string) => `h5-${who}-${randomBytes(8).toString('hex')}`

/** `npm run case -- …` against the test's server, as a newcomer would run it. */
function runCase(...args: string[]): string {
  const result = spawnSync('npm', ['run', '--silent', 'case', '--', ...args, '--url', baseUrl()], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`npm run case ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`)
  return result.stdout
}

let sequence = 0
/** 王淑芬's application, submitted as the person signed in with `deviceId`. */
async function submitAs(deviceId: string) {
  sequence += 1
  const session = (await (await fetch(`${baseUrl()}/api/v1/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: deviceId }) })).json()) as { token: string }
  const input = wangShufenApplication()
  input.beneficiary.idNumber = residentIdNumber('140105', '1949-12-31', 400 + sequence * 2)
  const response = await fetch(`${baseUrl()}/api/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}`, 'idempotency-key': randomBytes(16).toString('hex') },
    body: JSON.stringify(input),
  })
  expect(response.status).toBe(201)
  const application = ApplicationResponseSchema.parse(await response.json())
  return { id: application.id, dibao: application.claims.find((claim) => claim.benefit === 'dibao')?.id ?? '' }
}

/** NutUI's Button sits under a Taro element: click the .nut-button itself. */
const press = (page: Page, label: string) => page.locator('.nut-button:visible', { hasText: label }).first().click()
/** The page on screen (Taro keeps the pages below it in the document). */
const visibleText = (page: Page) => page.locator('.jx-page__body:visible').last().innerText()

describe('查进度 in the browser against the real server', () => {
  it('moves with the review system, takes a supplement, and is followed by family until revoked', async () => {
    const mother = newDeviceId('wang-shufen')
    const son = newDeviceId('li-jianguo')
    const application = await submitAs(mother)
    // Ten days from today in Shanxi, as the app counts them (UTC+8), whatever the machine's own zone says.
    const due = dayjs(todayInShanghai()).add(10, 'day').format('YYYY-MM-DD')
    expect(runCase('move', application.dibao, 'accepted', '--office', '坞城街道办事处', '--office-phone', '0351-7654321')).toContain('已提交 → 已受理')
    expect(runCase('ask', application.dibao, '--doc', 'income_proof', '--question', '儿子每月给您多少生活费？', '--due', due)).toContain('已受理 → 需补正材料')

    // Her list: the application, the 低保 claim needing her first, with its due date.
    const page = await phoneOf(mother)
    await openRoute(page, 'pages/applications/index')
    const card = page.getByRole('link', { name: '查看王淑芬的申请进度' })
    await card.getByText('需要您补充材料').waitFor()
    expect(await card.innerText()).toContain(`最低生活保障：请在 ${dayjs(due).format('M月D日')} 前补充，还有 10 天`)
    expect(await card.innerText()).toContain('需补正材料')
    expect(await seriousViolations(page, 'applications list')).toEqual([])

    // The application's page: the status, its timeline, who to call, and the request answered right there.
    await card.click()
    await page.getByRole('heading', { level: 1, name: '王淑芬的申请' }).waitFor()
    const dibao = page.getByRole('region', { name: '最低生活保障', exact: true })
    expect(await dibao.innerText()).toContain('乡镇（街道）已受理申请。')
    expect(await visibleText(page)).toContain('坞城街道办事处，电话 0351-7654321')
    const form = page.getByRole('region', { name: '补充材料' })
    const chooser = page.waitForEvent('filechooser')
    await form.getByRole('group', { name: '收入证明' }).locator('.nut-button', { hasText: '拍照或选择图片' }).click()
    await (await chooser).setFiles(join(__dirname, '../fixtures/uploads/id-card.jpg'))
    await form.getByText('文件 1').waitFor({ timeout: 15_000 })
    await form.getByLabel('儿子每月给您多少生活费？').fill('每月给 300 元')
    await form.locator('.nut-button', { hasText: '提交补充材料' }).click()
    await dibao.getByText('您已补充材料，继续核对调查。', { exact: false }).first().waitFor()
    expect(await dibao.innerText()).toContain('核对调查中')
    expect(await page.getByRole('region', { name: '补充材料' }).count()).toBe(0)

    // The review system moves it on; 刷新进度 shows it.
    expect(runCase('move', application.dibao, 'public_notice')).toContain('核对调查中 → 公示中')
    await press(page, '刷新进度')
    await dibao.getByText('审核结果在村（居）委会公示。').waitFor()
    expect(await dibao.innerText()).toContain('下一步：已批准')

    // She invites her son; he accepts on his own phone and sees it masked, read-only.
    const family = page.getByRole('region', { name: '家人关注' })
    await family.getByLabel('这位家人是您的（可选）').fill('儿子')
    await family.locator('.nut-button', { hasText: '邀请家人关注' }).click()
    const code = (await family.locator('.jx-track-invitation__code').innerText()).trim()
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)

    const sonPage = await phoneOf(son)
    await openRoute(sonPage, 'pages/applications/index')
    await sonPage.getByRole('link', { name: '输入邀请码' }).click()
    await sonPage.getByLabel('邀请码').fill(code.toLowerCase())
    await press(sonPage, '接受邀请')
    await sonPage.getByRole('heading', { level: 1, name: '王**的申请' }).waitFor()
    const seen = await visibleText(sonPage)
    expect(seen).toContain('您是家人，只能查看进度')
    expect(seen).toContain('公示中')
    for (const secret of [WANG_SHUFEN.name, WANG_SHUFEN.idNumber, WANG_SHUFEN.phone, '双塔西街', '李建国']) expect(seen).not.toContain(secret)
    expect(await sonPage.getByRole('region', { name: '家人关注' }).count()).toBe(0)
    expect(await sonPage.getByText('撤回这一项申请').count()).toBe(0)
    expect(await seriousViolations(sonPage, 'application as a relative sees it')).toEqual([])

    // She sees him following and revokes him; he loses it at once.
    await press(page, '刷新进度')
    await family.getByText(/^儿子，.+起关注$/).waitFor()
    await family.getByRole('button', { name: '取消儿子的关注' }).click()
    await family.locator('.nut-button', { hasText: '确认取消' }).click()
    await family.getByText('还没有家人关注这份申请。').waitFor()
    await press(sonPage, '刷新进度')
    await sonPage.getByText('没有找到这份申请', { exact: false }).waitFor()
    await openRoute(sonPage, 'pages/applications/index')
    await sonPage.getByRole('heading', { name: '您还没有提交过申请' }).waitFor()
  })

  it('in elder mode the application’s page has large text and tap targets, and no serious accessibility violation', async () => {
    const owner = newDeviceId('zhang-guilan')
    const application = await submitAs(owner)
    runCase('move', application.dibao, 'accepted', '--office', '坞城街道办事处', '--office-phone', '0351-7654321')
    runCase('ask', application.dibao, '--doc', 'income_proof', '--due', dayjs().add(3, 'day').format('YYYY-MM-DD'))
    const page = await phoneOf(owner)
    await turnOnElderMode(page)
    await openRoute(page, `subpackages/track/detail/index?id=${application.id}`)
    await page.getByRole('heading', { level: 1, name: '王淑芬的申请' }).waitFor()
    await page.getByRole('button', { name: '撤回这一项申请' }).first().click()
    expect((await textSizes(page)).filter((text) => text.size < 18)).toEqual([])
    expect(await smallTapTargets(page)).toEqual([])
    expect(await seriousViolations(page, 'application page in elder mode')).toEqual([])
    await page.screenshot({ path: join(artifacts, 'track-detail-elder.png'), fullPage: true })
  })
})
