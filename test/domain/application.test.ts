// The application schemas shared by the app and the server: what a valid application is, and for each
// mistake a resident can make, the field it points at and what it says.
import {
  ApplicationRequestSchema,
  CLAIM_STATUSES,
  CLOSED_CLAIM_STATUSES,
  DRAFT_MAX_BYTES,
  DraftWriteSchema,
  IdempotencyKeySchema,
  allowedDocuments,
  draftPayloadBytes,
  householdPeople,
  missingDocuments,
  needsEconomicCheck,
  nextStepsFor,
  submissionIssues,
  type ApplicationRequestInput,
} from '@/domain/application'
import { LI_JIANGUO, LI_XIAOHONG, WANG_SHUFEN, wangShufenApplication, zhangGuilanApplication } from '../fixtures/applications'

const TODAY = '2026-03-01'
const UPLOAD = '0b6f4c8e-2d1a-4f3b-9c5e-7a8d9e0f1a2b'

/** The issues of a refused request as `path → message`. */
function issuesOf(input: unknown): Record<string, string> {
  const result = ApplicationRequestSchema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

const parse = (input: ApplicationRequestInput) => ApplicationRequestSchema.parse(input)

describe('ApplicationRequestSchema', () => {
  test('accepts 王淑芬 applying for herself, and a daughter applying for her mother', () => {
    const wang = parse(wangShufenApplication())
    expect(wang.beneficiary).toMatchObject({ name: '王淑芬', idNumber: WANG_SHUFEN.idNumber, phone: WANG_SHUFEN.phone })
    expect(wang.members.map((member) => member.relation)).toEqual(['child', 'grandchild'])
    const zhang = parse(zhangGuilanApplication())
    expect(zhang.applicant).toEqual({ kind: 'relative', relation: 'child', name: '郭秀英', phone: '18635712093' })
    expect(zhang.beneficiary.phone).toBeNull()
  })

  test('normalises ID numbers and phones as typed', () => {
    const input = wangShufenApplication()
    input.beneficiary.phone = '138 0351 2468'
    input.members[0].idNumber = ' 1401 0719 8307 0425 10 '
    const parsed = parse(input)
    expect(parsed.beneficiary.phone).toBe('13803512468')
    expect(parsed.members[0].idNumber).toBe(LI_JIANGUO.idNumber)
  })

  test('a member with the beneficiary’s ID number, or another member’s, is pointed at by path', () => {
    const input = wangShufenApplication()
    input.members.push({ name: '李小红', relation: 'grandchild', idNumber: LI_XIAOHONG.idNumber })
    input.members.push({ name: '王淑芬', relation: 'other', idNumber: WANG_SHUFEN.idNumber })
    expect(issuesOf(input)).toEqual({
      'members.2.idNumber': '与第 2 位家庭成员的身份证号码相同',
      'members.3.idNumber': '与申请对象的身份证号码相同，申请对象不用再列为家庭成员',
    })
  })

  test('the same number typed differently is still a duplicate', () => {
    const input = wangShufenApplication()
    input.members.push({ name: '赵某', relation: 'other', idNumber: '14010719830704 2510' })
    expect(Object.keys(issuesOf(input))).toEqual(['members.2.idNumber'])
  })

  test('a wrong ID number says why, at its path', () => {
    const input = wangShufenApplication()
    input.beneficiary.idNumber = '140105491231002'
    input.members[1].idNumber = '140105201005090843'
    expect(issuesOf(input)).toEqual({
      'beneficiary.idNumber': expect.stringContaining('15 位'),
      'members.1.idNumber': expect.stringContaining('校验位'),
    })
  })

  test('benefits: at least one, each once, known ones only', () => {
    expect(issuesOf({ ...wangShufenApplication(), benefits: [] })).toEqual({ benefits: '请至少选择 1 项补助' })
    expect(issuesOf({ ...wangShufenApplication(), benefits: ['dibao', 'high_age_allowance', 'dibao'] })).toEqual({ 'benefits.2': '同一项补助只需选择一次' })
    expect(issuesOf({ ...wangShufenApplication(), benefits: ['dibao', 'pension'] })).toEqual({ 'benefits.1': '未知的补助项目' })
  })

  test('documents: only items on the chosen benefits’ checklist, each once, files once', () => {
    const input = wangShufenApplication()
    input.documents = [
      { documentId: 'id_card', uploadIds: [UPLOAD] },
      { documentId: 'disability_certificate', uploadIds: [UPLOAD] },
      { documentId: 'id_card', uploadIds: [UPLOAD, UPLOAD] },
      { documentId: 'relative_authorization', uploadIds: [UPLOAD] },
    ]
    expect(issuesOf(input)).toEqual({
      'documents.1.documentId': '所选补助不需要这项材料',
      'documents.2.documentId': '同一项材料只需列出一次，可在其中上传多个文件',
      'documents.2.uploadIds.1': '同一个文件重复了',
      'documents.3.documentId': '所选补助不需要这项材料',
    })
    // The 代办委托书 belongs to an application a relative makes.
    const forMother = zhangGuilanApplication()
    forMother.documents = [{ documentId: 'relative_authorization', uploadIds: [UPLOAD] }]
    expect(issuesOf(forMother)).toEqual({})
  })

  test('the county must be in the chosen city', () => {
    const input = wangShufenApplication()
    input.beneficiary.address.countyCode = '141023'
    expect(issuesOf(input)).toEqual({ 'beneficiary.address.countyCode': '所选县（市、区）不属于所选的市，请重新选择' })
  })

  test('someone applying for themselves gives a phone; a relative gives theirs, with the relation', () => {
    const input = wangShufenApplication()
    input.beneficiary.phone = null
    expect(issuesOf(input)).toEqual({ 'beneficiary.phone': '请填写联系电话' })
    expect(issuesOf({ ...zhangGuilanApplication(), applicant: { kind: 'relative', name: '郭秀英' } })).toEqual({
      'applicant.relation': '请选择您与申请对象的关系',
      'applicant.phone': '请填写手机号码',
    })
    expect(issuesOf({ ...zhangGuilanApplication(), applicant: { kind: 'neighbour' } })).toEqual({ 'applicant.kind': '请选择为自己申请还是为家人申请' })
  })

  test('consents: known versions, each confirmation by a member of this household, once', () => {
    const input = wangShufenApplication()
    input.consents = {
      privacyVersion: '2020-01' as '2026-01',
      sensitiveInfoVersion: '2026-01',
      economicCheck: [
        { memberIndex: 0, confirmedAt: '2026-03-01T07:55:00.000Z' },
        { memberIndex: 0, confirmedAt: '2026-03-01T07:56:00.000Z' },
        { memberIndex: 3, confirmedAt: '2026-03-01T07:57:00.000Z' },
      ],
    }
    expect(issuesOf(input)).toEqual({
      'consents.privacyVersion': '请阅读并同意最新的隐私保护指引',
      'consents.economicCheck.1.memberIndex': '这位家庭成员已经确认过授权',
      'consents.economicCheck.2.memberIndex': '没有这位家庭成员',
    })
  })

  test('lists every mistake at once, cross-field ones included', () => {
    const input = wangShufenApplication()
    input.beneficiary.idNumber = '140105194912310024'
    input.beneficiary.address.detail = ''
    input.members.push({ name: '李建国', relation: 'child', idNumber: LI_JIANGUO.idNumber })
    input.consents.privacyVersion = 'old' as '2026-01'
    expect(Object.keys(issuesOf({ ...input, benefits: ['dibao', 'dibao', 'lottery'] })).sort()).toEqual([
      'beneficiary.address.detail',
      'beneficiary.idNumber',
      'benefits.1',
      'benefits.2',
      'consents.privacyVersion',
      'members.2.idNumber',
    ])
  })

  test('money is whole fen and not negative; unknown fields are refused', () => {
    const input = wangShufenApplication()
    input.income.pension = -5
    input.assets.deposits = 100.005
    expect(Object.keys(issuesOf({ ...input, nickname: 'x' })).sort()).toEqual(['', 'assets.deposits', 'income.pension'])
  })
})

describe('submissionIssues (on the day of submitting)', () => {
  test('none for a complete application', () => {
    expect(submissionIssues(parse(wangShufenApplication()), TODAY)).toEqual([])
  })

  test('every adult confirms the economic check when a benefit needs it; children need not', () => {
    const input = wangShufenApplication()
    input.consents.economicCheck = [{ memberIndex: 0, confirmedAt: '2026-03-01T07:55:00.000Z' }]
    expect(submissionIssues(parse(input), TODAY)).toEqual([{ path: ['consents', 'economicCheck'], message: '李建国已满 18 岁，需要本人确认家庭经济状况核对授权' }])
    // 李小红 turns 18 on 9 May 2028.
    expect(submissionIssues(parse(wangShufenApplication()), '2028-05-09')).toEqual([
      { path: ['consents', 'economicCheck'], message: '李小红已满 18 岁，需要本人确认家庭经济状况核对授权' },
    ])
  })

  test('no confirmation is needed when no chosen benefit has an economic check', () => {
    expect(needsEconomicCheck(['high_age_allowance', 'home_modification_subsidy'])).toBe(false)
    expect(needsEconomicCheck(['high_age_allowance', 'dibao'])).toBe(true)
    expect(submissionIssues(parse(zhangGuilanApplication()), TODAY)).toEqual([])
  })

  test('a birth date after the day of submitting is refused at its path', () => {
    const input = wangShufenApplication()
    input.members[1].idNumber = '140105202603010018'
    expect(submissionIssues(parse(input), '2026-02-27')).toContainEqual({ path: ['members', 1, 'idNumber'], message: '身份证号码中的出生日期晚于今天，请核对' })
  })
})

describe('household, checklist and next steps', () => {
  test('memberIndex 0 is the beneficiary, then the members in order', () => {
    expect(householdPeople(parse(wangShufenApplication())).map((person) => [person.memberIndex, person.name])).toEqual([
      [0, '王淑芬'],
      [1, '李建国'],
      [2, '李小红'],
    ])
  })

  test('one checklist across benefits, with the 代办委托书 when a relative applies; what is missing', () => {
    const wang = parse(wangShufenApplication())
    expect(allowedDocuments(wang)).toEqual(['id_card', 'hukou_book', 'income_proof', 'economic_check_authorization'])
    expect(missingDocuments({ ...wang, documents: [{ documentId: 'id_card', uploadIds: [UPLOAD] }] })).toEqual(['hukou_book', 'income_proof', 'economic_check_authorization'])
    expect(allowedDocuments(parse(zhangGuilanApplication()))).toEqual(['id_card', 'hukou_book', 'purchase_invoice', 'relative_authorization'])
  })

  test('next steps say what happens and roughly when, naming missing documents and the public notice', () => {
    const steps = nextStepsFor(['dibao', 'high_age_allowance'], ['income_proof'])
    expect(steps.join('\n')).toMatch(/受理/)
    expect(steps.join('\n')).toContain('收入证明')
    expect(steps.join('\n')).toContain('公示')
    expect(steps.join('\n')).toMatch(/一个月/)
    expect(nextStepsFor(['high_age_allowance'], []).join('\n')).not.toContain('公示')
  })
})

describe('claim statuses', () => {
  test('follow shared/API.md, and are open until refused, withdrawn or referred', () => {
    expect(CLAIM_STATUSES).toEqual(['submitted', 'accepted', 'verifying', 'needs_info', 'public_notice', 'approved', 'rejected', 'paying', 'withdrawn', 'referred'])
    expect(CLOSED_CLAIM_STATUSES).toEqual(['rejected', 'withdrawn', 'referred'])
  })
})

describe('drafts and idempotency keys', () => {
  test('a draft write carries the updatedAt it was based on, or null', () => {
    expect(DraftWriteSchema.safeParse({ payload: { step: 'identity' }, updatedAt: null }).success).toBe(true)
    expect(DraftWriteSchema.safeParse({ payload: { step: 'identity' }, updatedAt: '2026-03-01T08:00:00.000Z' }).success).toBe(true)
    expect(DraftWriteSchema.safeParse({ payload: { step: 'identity' } }).success).toBe(false)
    expect(DraftWriteSchema.safeParse({ payload: ['not', 'an', 'object'], updatedAt: null }).success).toBe(false)
  })

  test('the draft size is counted in UTF-8 bytes of its JSON', () => {
    expect(draftPayloadBytes({ a: 'x' })).toBe('{"a":"x"}'.length)
    expect(draftPayloadBytes({ name: '王淑芬' })).toBe('{"name":""}'.length + 9)
    expect(draftPayloadBytes({ note: '😀' })).toBe('{"note":""}'.length + 4)
    expect(DRAFT_MAX_BYTES).toBe(256 * 1024)
  })

  test('an idempotency key is 8–200 visible ASCII characters', () => {
    expect(IdempotencyKeySchema.safeParse('5f0c7a2e-8b1d-4c3e-9f6a-1b2c3d4e5f60').success).toBe(true)
    expect(IdempotencyKeySchema.safeParse('short').success).toBe(false)
    expect(IdempotencyKeySchema.safeParse('has space in it').success).toBe(false)
    expect(IdempotencyKeySchema.safeParse('中文的幂等键中文的幂等键').success).toBe(false)
  })
})
