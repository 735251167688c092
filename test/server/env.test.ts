// Start-up refuses a bad environment with a message naming each variable; production needs its secrets.
import { randomBytes } from 'node:crypto'
import { EnvError, loadEnv } from '../../server/env'

const key = randomBytes(32)
const productionSecrets = {
  NODE_ENV: 'production',
  WECHAT_APP_ID: 'wx0123456789abcdef',
  WECHAT_APP_SECRET: '0123456789abcdef0123456789abcdef',
  CASE_EVENTS_SECRET: 'c'.repeat(40),
  FIELD_ENCRYPTION_KEY: key.toString('base64'),
}

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source, '/srv/app')
  } catch (error) {
    if (error instanceof EnvError) return error.problems
    throw error
  }
  throw new Error('expected the environment to be refused')
}

describe('loadEnv', () => {
  it('has working defaults for development', () => {
    const env = loadEnv({}, '/srv/app')
    expect(env).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/app/.data',
      databaseUrl: undefined,
      logLevel: 'info',
      corsOrigins: [],
      wechat: undefined,
      sessionTtlHours: 720,
      h5Dist: '/srv/app/dist-h5',
      trustProxy: false,
    })
    expect(env.fieldEncryptionKey).toHaveLength(32)
    expect(env.developmentDefaults).toEqual(['FIELD_ENCRYPTION_KEY', 'CASE_EVENTS_SECRET'])
  })

  it('gives the same development key on every start, so data stays readable', () => {
    expect(loadEnv({}).fieldEncryptionKey.equals(loadEnv({}).fieldEncryptionKey)).toBe(true)
  })

  it('refuses to start in production without the WeChat credentials, the case-events secret and the field key', () => {
    const problems = problemsOf({ NODE_ENV: 'production' })
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'CASE_EVENTS_SECRET', 'FIELD_ENCRYPTION_KEY'])
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/cannot start/)
  })

  it('refuses production when only one secret is missing, and names it', () => {
    const { CASE_EVENTS_SECRET: _omitted, ...rest } = productionSecrets
    expect(problemsOf(rest)).toEqual([expect.stringMatching(/^CASE_EVENTS_SECRET: required in production/)])
  })

  it('starts in production with everything set, using the real key', () => {
    const env = loadEnv(productionSecrets)
    expect(env.nodeEnv).toBe('production')
    expect(env.wechat).toEqual({ appId: 'wx0123456789abcdef', appSecret: '0123456789abcdef0123456789abcdef' })
    expect(env.fieldEncryptionKey.equals(key)).toBe(true)
    expect(env.developmentDefaults).toEqual([])
  })

  it('names every bad value at once, without echoing secrets', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', FIELD_ENCRYPTION_KEY: 'hunter2-short-key', SESSION_TTL_HOURS: '0' })
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'FIELD_ENCRYPTION_KEY', 'LOG_LEVEL', 'PORT', 'SESSION_TTL_HOURS'])
    expect(problems.join('\n')).not.toContain('hunter2')
  })

  it('accepts the field key as hex or base64, and refuses other lengths', () => {
    expect(loadEnv({ FIELD_ENCRYPTION_KEY: key.toString('hex') }).fieldEncryptionKey.equals(key)).toBe(true)
    expect(loadEnv({ FIELD_ENCRYPTION_KEY: key.toString('base64url') }).fieldEncryptionKey.equals(key)).toBe(true)
    expect(problemsOf({ FIELD_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toHaveLength(1)
  })

  it('wants both WeChat credentials or neither', () => {
    expect(problemsOf({ WECHAT_APP_ID: 'wx0123456789abcdef' })).toEqual(['WECHAT_APP_ID and WECHAT_APP_SECRET: set both or neither'])
  })

  it('reads CORS origins as a comma list and refuses what is not an origin', () => {
    expect(loadEnv({ CORS_ORIGINS: 'https://jinxin.example.gov.cn, http://localhost:10086/' }).corsOrigins).toEqual([
      'https://jinxin.example.gov.cn',
      'http://localhost:10086',
    ])
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.example, *' })).toEqual([expect.stringMatching(/^CORS_ORIGINS: "\*" is not an origin/)])
  })

  it('treats empty variables as unset', () => {
    expect(loadEnv({ PORT: '', DATABASE_URL: '', WECHAT_APP_ID: '', WECHAT_APP_SECRET: '' })).toMatchObject({ port: 3000, databaseUrl: undefined, wechat: undefined })
  })

  it('reads the other settings', () => {
    const env = loadEnv({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://app@db:5432/jinxin', SESSION_TTL_HOURS: '24', TRUST_PROXY: '1', DATA_DIR: '/var/lib/jinxin' }, '/srv/app')
    expect(env).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://app@db:5432/jinxin', sessionTtlHours: 24, trustProxy: 1, dataDir: '/var/lib/jinxin' })
  })
})
