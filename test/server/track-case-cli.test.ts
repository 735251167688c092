// `npm run case -- …`: the development review system signs and posts events to a listening server.
import type { AddressInfo } from 'node:net'
import { ApplicationResponseSchema } from '@/domain/application'
import { ApplicationDetailSchema } from '@/domain/claims'
import { runCaseCli } from '../../server/cases/cli'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, startApplyApp, submit, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(120_000)

const SECRET = 'case-cli-secret-for-the-tests-0123456789abcdef'

describe.each(dbKinds)('npm run case on %s', (kind) => {
  let t: ApplyTestApp
  let url: string
  let output: string[]

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET } })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await t.close()
  })

  const run = async (args: string[], secret = SECRET) => {
    output = []
    const code = await runCaseCli(args, { secret, defaultUrl: url, write: (text) => void output.push(text), now: () => t.clock.now })
    return { code, text: output.join('') }
  }

  test('list, move, ask and approve a claim; the resident sees every step', async () => {
    const owner = await bearer(t.app, 'wang-shufen')
    const submitted = ApplicationResponseSchema.parse((await submit(t.app, owner, wangShufenApplication())).json())
    const dibao = submitted.claims.find((claim) => claim.benefit === 'dibao')?.id ?? ''
    const highAge = submitted.claims.find((claim) => claim.benefit === 'high_age_allowance')?.id ?? ''

    const listed = await run(['list'])
    expect(listed.code).toBe(0)
    expect(listed.text).toContain(dibao)
    expect(listed.text).toContain(submitted.id)
    expect(listed.text).toContain('submitted (已提交)')

    expect(await run(['move', dibao, 'accepted', '--note', '材料齐全', '--office', '坞城街道办事处', '--office-phone', '0351-7654321'])).toEqual({
      code: 0,
      text: expect.stringContaining('已提交 → 已受理'),
    })
    expect((await run(['ask', dibao, '--doc', 'income_proof', '--question', '儿子每月给多少生活费？', '--due', '2026-12-31'])).text).toContain('已受理 → 需补正材料')
    expect((await run(['move', dibao, 'verifying'])).code).toBe(0)
    expect((await run(['move', dibao, 'public_notice'])).code).toBe(0)
    expect((await run(['move', dibao, 'approved', '--amount', '669', '--start', '2026-12'])).text).toContain('每月 669 元')
    expect((await run(['move', highAge, 'approved', '--amount', '100', '--start', '2026-12'])).code).toBe(1)
    expect(output.join('')).toContain('409')

    const view = ApplicationDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${submitted.id}`, headers: owner })).json())
    const claim = view.claims.find((item) => item.id === dibao)
    expect(claim?.timeline.map((entry) => entry.status)).toEqual(['submitted', 'accepted', 'needs_info', 'verifying', 'public_notice', 'approved'])
    expect(claim?.timeline[1].note).toContain('材料齐全')
    expect(claim?.timeline[2].note).toContain('收入证明')
    expect(claim?.office).toEqual({ name: '坞城街道办事处', phone: '0351-7654321' })
    expect(claim?.decision).toEqual({ payment: 'monthly', amountFen: 66900, startMonth: '2026-12' })
  })

  test('--once approves a one-off benefit with its amount; a monthly amount for it is refused with the server’s message', async () => {
    const owner = await bearer(t.app, 'wang-shufen-home')
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1949-12-31', 402)
    input.benefits = ['home_modification_subsidy']
    const submitted = ApplicationResponseSchema.parse((await submit(t.app, owner, input)).json())
    const claimId = submitted.claims[0].id
    for (const status of ['accepted', 'verifying']) expect((await run(['move', claimId, status])).code).toBe(0)
    const monthly = await run(['move', claimId, 'approved', '--amount', '6000', '--start', '2026-12'])
    expect(monthly.code).toBe(1)
    expect(monthly.text).toContain('422')
    expect(monthly.text).toContain('一次性')
    expect(await run(['move', claimId, 'approved', '--once', '6000'])).toEqual({ code: 0, text: expect.stringContaining('已批准，一次性发放 6000 元。') })
    const view = ApplicationDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${submitted.id}`, headers: owner })).json())
    expect(view.claims[0].decision).toEqual({ payment: 'one_off', amountFen: 600000 })
  })

  test('usage errors exit 2; a wrong secret is refused by the server; a closed port is reported', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['move'])).code).toBe(2)
    expect((await run(['move', 'x', 'finished'])).code).toBe(2)
    expect((await run(['ask', 'x', '--due', '2026-12-31'])).code).toBe(2)
    expect((await run(['move', 'x', 'approved'])).code).toBe(2)
    expect((await run(['move', 'x', 'approved', '--once', '6000', '--start', '2026-12'])).code).toBe(2)
    expect((await run(['move', 'x', 'approved', '--once', 'six thousand'])).code).toBe(2)
    const unknownDocument = await run(['ask', 'x', '--doc', 'bank_statement', '--due', '2026-12-31'])
    expect(unknownDocument.code).toBe(2)
    expect(unknownDocument.text).toContain('income_proof')
    expect((await run(['move', 'x', 'accepted', '--office', '坞城街道办事处'])).code).toBe(2)
    expect((await run(['list', '--bogus'])).code).toBe(2)
    const wrong = await run(['list'], 'not-the-secret-not-the-secret-not-the-secret')
    expect(wrong.code).toBe(1)
    expect(wrong.text).toContain('401')
    const down = await run(['list', '--url', 'http://127.0.0.1:9'])
    expect(down.code).toBe(1)
    expect(down.text).toContain('无法连接')
  })
})
