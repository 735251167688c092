// Importing real facility lists (`npm run facilities:import`) and the running server seeing them.
// Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { NearbyResponse } from '@/domain/care'
import { facilityIdFor } from '../../server/facilities/ids'
import { generateShanxiSample } from '../../server/facilities/sample'
import { openPglite, openPostgres, type Db } from '../../server/db'
import { runImportCli } from '../../server/facilities/cli'
import { importFacilityFileAndRefresh } from '../../server/facilities/import'
import { countFacilities, facilitiesSignature, upsertFacilities } from '../../server/facilities/repository'
import { FacilityService } from '../../server/facilities/service'
import { databaseUrl, dbKinds, freshSchemaName } from './helpers/databases'
import { startTestApp, type TestApp } from './helpers/app'
import { tempDir } from './helpers/files'

jest.setTimeout(120_000)

const root = path.resolve(__dirname, '../..')
const fixture = (name: string) => path.join(root, 'test/fixtures/facilities', name)
const NOW = new Date('2026-03-02T04:00:00Z')
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined }

interface CliRun {
  status: number
  stdout: string
  stderr: string
}

async function cli(db: Db, ...args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const status = await runImportCli(args, { db, now: NOW, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) })
  return { status, stdout, stderr }
}

/** Resolves once `condition` holds, checking every 20 ms; fails after `ms`. */
async function eventually(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function externalIds(db: Db): Promise<string[]> {
  const result = await db.query<{ external_id: string }>('SELECT external_id FROM facilities ORDER BY external_id')
  return result.rows.map((row) => row.external_id)
}

describe.each(dbKinds)('importing facilities on %s', (kind) => {
  let t: TestApp
  let db: Db

  beforeAll(async () => {
    t = await startTestApp(kind)
    db = t.testDb.db
  })
  afterAll(async () => {
    await t.close()
  })
  beforeEach(async () => {
    await db.exec('DELETE FROM facilities')
    await t.app.facilities.refresh()
    t.clock.now = NOW
  })

  const nearbyIds = async (lat: number, lng: number, extra = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/facilities/nearby?lat=${lat}&lng=${lng}&radiusKm=5${extra}` })
    expect(response.statusCode).toBe(200)
    return NearbyResponse.parse(response.json()).items.map((item) => item.id)
  }

  it('imports a valid CSV, prints the counts, and the app finds the rows once its index is refreshed', async () => {
    expect(await nearbyIds(37.7401, 112.5701)).toEqual([])
    const run = await cli(db, fixture('valid.csv'))
    expect(run).toMatchObject({ status: 0, stderr: '' })
    expect(run.stdout).toContain('有效：3 行')
    expect(run.stdout).toContain('新增 3，更新 0，未变 0')
    expect(run.stdout).toContain('拒绝：0 行')
    expect(await externalIds(db)).toEqual(['xd-test-001', 'xd-test-002', 'xd-test-003'])
    const stored = await db.query<{ sample: boolean; type: string; county_code: string }>('SELECT DISTINCT sample, county_code FROM facilities')
    expect(stored.rows).toEqual([{ sample: false, county_code: '140105' }])

    // The app is told when the import commits and rebuilds its index by itself.
    await eventually(() => t.app.facilities.index?.size === 3)
    expect(await nearbyIds(37.7401, 112.5701)).toEqual(['xd-test-001', 'xd-test-002', 'xd-test-003'].map(facilityIdFor))
    expect(await t.app.facilities.checkForChanges()).toBe(false)

    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/facilities/${facilityIdFor('xd-test-001')}` })
    expect(detail.json()).toMatchObject({ name: '坞城街道测试老年助餐点', sample: false, meals: { lunch: { priceFen: 1500, elderPriceFen: 850 } } })
  })

  it('updates rows on re-import instead of duplicating them, and leaves unchanged rows alone', async () => {
    await cli(db, fixture('valid.csv'))
    const before = await facilitiesSignature(db)
    const again = await cli(db, fixture('valid.csv'))
    expect(again.stdout).toContain('新增 0，更新 0，未变 3')
    expect(await facilitiesSignature(db)).toEqual(before)

    const run = await cli(db, fixture('updated.csv'))
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('新增 1，更新 1，未变 1')
    expect(await externalIds(db)).toEqual(['xd-test-001', 'xd-test-002', 'xd-test-003', 'xd-test-004'])

    await t.app.facilities.checkForChanges()
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/facilities/${facilityIdFor('xd-test-001')}` })
    expect(detail.json()).toMatchObject({ meals: { lunch: { priceFen: 1600, elderPriceFen: 900 } }, updatedAt: '2025-09-01T09:00:00+08:00' })
    // The unchanged row keeps the time its information last changed, not the import's.
    const unchanged = await t.app.inject({ method: 'GET', url: `/api/v1/facilities/${facilityIdFor('xd-test-002')}` })
    expect(unchanged.json().updatedAt).toBe('2025-06-01T09:00:00+08:00')
  })

  it('reports every refused row with its row number and reasons, and imports the others', async () => {
    const run = await cli(db, fixture('mixed.csv'))
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('有效：2 行')
    expect(run.stdout).toContain('新增 2，更新 0，未变 0')
    expect(run.stdout).toContain('拒绝：6 行')
    const expected: [number, string, string][] = [
      [3, 'mx-bad-type', '未知的机构类型“医院”'],
      [4, 'mx-swapped', 'lat：纬度应在 -90 到 90 之间'],
      [6, 'mx-no-hours', 'hours：请填写营业时间'],
      [7, 'mx-dup', '重复出现在第 8 行'],
      [8, 'mx-dup', '重复出现在第 7 行'],
      [10, 'mx-no-meals', '助餐点至少要有一餐'],
    ]
    const lines = run.stdout.split('\n')
    for (const [row, externalId, reason] of expected) {
      const at = lines.findIndex((line) => line.includes(`第 ${row} 行（externalId ${externalId}）`))
      expect(at).toBeGreaterThan(-1)
      expect(lines[at + 1]).toContain(reason)
    }
    expect(run.stdout).toContain('跳过空行：第 5 行')
    expect(run.stdout).toContain('忽略了未知的列：remark')
    expect(await externalIds(db)).toEqual(['mx-ok-1', 'mx-ok-2'])
  })

  it('imports GeoJSON points and refuses a feature that is not a point', async () => {
    const run = await cli(db, fixture('facilities.geojson'))
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('有效：2 个 feature')
    expect(run.stdout).toContain('第 3 个 feature（externalId gj-test-003）')
    expect(run.stdout).toContain('geometry：应为 Point')
    expect(await externalIds(db)).toEqual(['gj-test-001', 'gj-test-002'])
    await t.app.facilities.checkForChanges()
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/facilities/${facilityIdFor('gj-test-002')}` })
    expect(detail.json()).toMatchObject({ type: 'institution', lat: 37.8702, lng: 112.5462, beds: { total: 200, available: 12 } })
  })

  it('writes nothing and exits 1 when the file cannot be read at all', async () => {
    await cli(db, fixture('valid.csv'))
    const files = tempDir('jinxin-import-')
    try {
      const gbk = path.join(files.dir, 'gbk.csv')
      // "名称" in GBK: not UTF-8.
      writeFileSync(gbk, Buffer.from([0x43, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]))
      const cases: [string, string][] = [
        [path.join(files.dir, 'missing.csv'), '文件不存在'],
        [files.dir, '这是一个目录'],
        [gbk, '不是 UTF-8 编码'],
        [fixture('not-json.geojson'), '不是有效的 JSON'],
        [fixture('bad-header.csv'), '表头缺少必需的列：externalId、type、name、address、countyCode、hours'],
      ]
      for (const [file, message] of cases) {
        const run = await cli(db, file)
        expect(run.status).toBe(1)
        expect(`${run.stdout}${run.stderr}`).toContain(message)
      }
    } finally {
      files.remove()
    }
    expect(await externalIds(db)).toEqual(['xd-test-001', 'xd-test-002', 'xd-test-003'])
  })

  it('exits 1 when every row is refused, and 2 on a usage error', async () => {
    const files = tempDir('jinxin-import-')
    try {
      const allBad = path.join(files.dir, 'all-bad.csv')
      writeFileSync(allBad, 'externalId,type,name,address,countyCode,lat,lng,hours\nb-1,医院,某医院,地址,140105,37.7,112.6,1-7 08:00-17:00\n')
      const run = await cli(db, allBad)
      expect(run.status).toBe(1)
      expect(run.stdout).toContain('第 2 行（externalId b-1）')
      expect(run.stderr).toContain('没有可导入的行')
    } finally {
      files.remove()
    }
    expect((await cli(db)).status).toBe(2)
    expect((await cli(db, '--force', fixture('valid.csv'))).status).toBe(2)
    expect((await cli(db, fixture('valid.csv'), fixture('updated.csv'))).status).toBe(2)
    const help = await cli(db, '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('用法：npm run facilities:import')
    expect(await countFacilities(db)).toBe(0)
  })

  it('checks without writing on --dry-run, and replaces the sample set with --remove-sample', async () => {
    const sample = generateShanxiSample({ counts: { canteen: 2, daycare: 2, institution: 2 } })
    await db.transaction((tx) => upsertFacilities(tx, sample, NOW))

    const dry = await cli(db, fixture('valid.csv'), '--dry-run')
    expect(dry.status).toBe(0)
    expect(dry.stdout).toContain('检查（未写入数据库）')
    expect(await countFacilities(db)).toBe(6)

    const run = await cli(db, fixture('valid.csv'), '--remove-sample')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('删除示例数据：6 条')
    expect(await externalIds(db)).toEqual(['xd-test-001', 'xd-test-002', 'xd-test-003'])
  })

  it('imports and rebuilds the index in one call (in-process)', async () => {
    const report = await importFacilityFileAndRefresh(t.app, fixture('valid.csv'), { now: NOW })
    expect(report).toMatchObject({ accepted: 3, inserted: 3, refused: [] })
    expect(t.app.facilities.index?.size).toBe(3)
    expect(await nearbyIds(37.7401, 112.5701, '&types=canteen')).toEqual([facilityIdFor('xd-test-001')])
  })

  it('sees a write by another connection as soon as it commits: no request, no polling, one rebuild per change', async () => {
    const other = kind === 'postgres' ? await t.testDb.openAnother() : db
    const built: string[] = []
    const service = new FacilityService({ db, log: { ...silent, info: (_obj, msg) => void built.push(msg) } })
    try {
      await service.start()
      expect(service.index?.size).toBe(0)

      expect((await cli(other, fixture('valid.csv'))).status).toBe(0)
      await eventually(() => service.index?.size === 3)

      expect((await cli(other, fixture('updated.csv'))).status).toBe(0)
      await eventually(() => service.index?.size === 4)
      expect(service.index?.get(facilityIdFor('xd-test-001'))?.meals?.lunch?.priceFen).toBe(1600)

      // Re-importing an unchanged list writes nothing: the notice comes, the revision is the same, no rebuild.
      const rebuilds = built.length
      expect((await cli(other, fixture('updated.csv'))).stdout).toContain('未变 3')
      await new Promise((resolve) => setTimeout(resolve, 300))
      await service.settled()
      expect(built).toHaveLength(rebuilds)

      // A row removed by hand (not through the importer) is seen too.
      await other.exec(`DELETE FROM facilities WHERE external_id = 'xd-test-004'`)
      await eventually(() => service.index?.size === 3)
      expect(service.index?.get(facilityIdFor('xd-test-004'))).toBeUndefined()
      expect(built.filter((msg) => msg.includes('rebuilt'))).toHaveLength(3)
    } finally {
      await service.close()
    }
  })

  it('answers 503 while the index could not be loaded, and recovers by itself', async () => {
    let failing = true
    const refused = () => Promise.reject(new Error('connection refused'))
    const flaky: Db = {
      kind: db.kind,
      query: <Row extends object>(sql: string, params?: readonly unknown[]) => (failing ? refused() : db.query<Row>(sql, params)),
      exec: (sql: string) => db.exec(sql),
      transaction: <T>(fn: Parameters<Db['transaction']>[0]) => (failing ? refused() : (db.transaction(fn) as Promise<T>)),
      listen: (topic, onChange) => db.listen(topic, onChange),
      withLockIfFree: (name, fn) => db.withLockIfFree(name, fn),
      close: async () => undefined,
    }
    const logged: string[] = []
    const service = new FacilityService({ db: flaky, log: { ...silent, error: (_obj, msg) => void logged.push(msg) }, retryMs: 50 })
    await service.start()
    expect(logged).toEqual([expect.stringContaining('could not build the facility index')])
    await expect(service.indexForRequest()).rejects.toMatchObject({ statusCode: 503, errorCode: 'facilities_unavailable' })
    failing = false
    await eventually(() => service.index !== undefined)
    expect((await service.indexForRequest()).size).toBe(0)
    await service.close()
  })
})

describe.each(dbKinds)('the facilities:import command on %s', (kind) => {
  const tsx = path.join(root, 'node_modules/.bin/tsx')
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(tsx, ['server/facilities/importCli.ts', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 90_000 })

  /** The environment that points the command at a fresh database, that database opened here, and its removal. */
  async function target(): Promise<{ env: Record<string, string>; open(): Promise<Db>; remove(): Promise<void> }> {
    if (kind === 'pglite') {
      const data = tempDir('jinxin-import-data-')
      return { env: { DATA_DIR: data.dir, DATABASE_URL: '' }, open: () => openPglite({ dataDir: data.dir }), remove: async () => data.remove() }
    }
    const schema = freshSchemaName()
    const url = databaseUrl as string
    const admin = await openPostgres({ url, schema })
    const withSchema = new URL(url)
    withSchema.searchParams.set('options', `-c search_path=${schema}`)
    return {
      env: { DATABASE_URL: withSchema.toString() },
      open: () => openPostgres({ url, schema }),
      async remove() {
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`)
        await admin.close()
      },
    }
  }

  it('migrates and imports into the database the environment names, and exits 1 on a missing file', async () => {
    const place = await target()
    try {
      const ok = run([fixture('mixed.csv')], place.env)
      expect(ok.stderr).toContain('数据库已迁移')
      expect(ok.status).toBe(0)
      expect(ok.stdout).toContain('新增 2，更新 0，未变 0')
      expect(ok.stdout).toContain('第 10 行（externalId mx-no-meals）')
      expect(ok.stdout).toContain(kind === 'pglite' ? '启动服务后即可查到新数据' : '每个运行中的服务实例都会收到通知，随即看到新数据')

      const missing = run([fixture('no-such-file.csv')], place.env)
      expect(missing.status).toBe(1)
      expect(missing.stderr).toContain('文件不存在')

      const db = await place.open()
      try {
        expect(await externalIds(db)).toEqual(['mx-ok-1', 'mx-ok-2'])
      } finally {
        await db.close()
      }
    } finally {
      await place.remove()
    }
  })
})
