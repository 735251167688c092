// The server's environment, validated once at start. A bad value stops the server with a message that
// names the variable and what it should look like (never the secret's value).
import { createHash } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'

export type NodeEnv = 'development' | 'production' | 'test'
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface WechatCredentials {
  appId: string
  appSecret: string
}

export interface Env {
  nodeEnv: NodeEnv
  port: number
  host: string
  /** Absolute path of the embedded database's directory. */
  dataDir: string
  /** When set, PostgreSQL is used instead of the embedded database. */
  databaseUrl?: string
  /** When set, rate-limit counters live in this Redis, shared by every instance. */
  redisUrl?: string
  /** Put before every Redis key, so deployments (or test runs) sharing one Redis never mix. */
  redisPrefix: string
  logLevel: LogLevel
  /** Origins allowed to call the API from a browser; empty means none (same origin only). */
  corsOrigins: string[]
  /** Absent in development: sign-in then treats the code itself as the identity. */
  wechat?: WechatCredentials
  caseEventsSecret: string
  /** 32 bytes; the master key for field encryption and look-up hashes. */
  fieldEncryptionKey: Buffer
  sessionTtlHours: number
  /** Absolute path of the H5 build served at `/`. */
  h5Dist: string
  /** Fastify's `trustProxy`: false, true, a hop count, or a comma list of addresses. */
  trustProxy: boolean | number | string
  /** Development stand-ins used because a variable was unset; main.ts says so in the log. */
  developmentDefaults: string[]
}

export class EnvError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`晋心助手 cannot start: the environment is not valid.\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'EnvError'
    this.problems = problems
  }
}

/** Stand-ins for development only; production refuses to start without the real values. */
const DEVELOPMENT_FIELD_KEY = createHash('sha256').update('jinxin-helper development field key: never use for real data').digest()
/** Not a secret: the development default, also in docs/integration.md's examples. Production requires its own. */
export const DEVELOPMENT_CASE_EVENTS_SECRET = 'jinxin-helper-development-case-events-secret-not-for-production'

/** 32 bytes written as 64 hex digits or as base64 / base64url (with or without padding). */
export function decodeKey(text: string): Buffer | undefined {
  const value = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    if (bytes.length === 32) return bytes
  }
  return undefined
}

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `expected a whole number between ${min} and ${max}`).max(max, `expected a whole number between ${min} and ${max}`))
    .optional()
    .transform((value) => value ?? fallback)

const RawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], 'expected development, production or test').default('development'),
  PORT: integer(0, 65535, 3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), 'expected a postgres://user@host:port/database URL')
    .optional(),
  REDIS_URL: z
    .string()
    .trim()
    .refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), 'expected a redis://host:port URL (rediss:// for TLS)')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'expected up to 64 letters, digits and : _ . -, like jinxin:')
    .default('jinxin:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'expected one of fatal, error, warn, info, debug, trace, silent').optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const origins = (value ?? '')
        .split(',')
        .map((origin) => origin.trim().replace(/\/$/, ''))
        .filter((origin) => origin.length > 0)
      for (const origin of origins) {
        const parsed = URL.canParse(origin) ? new URL(origin) : undefined
        if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
          ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin; expected a comma list like https://example.gov.cn,http://localhost:10086` })
        }
      }
      return origins
    }),
  WECHAT_APP_ID: z.string().trim().regex(/^wx[0-9a-zA-Z]{16}$/, 'expected a mini-program AppID like wx0123456789abcdef').optional(),
  WECHAT_APP_SECRET: z.string().trim().regex(/^[0-9a-zA-Z]{16,64}$/, 'expected the AppSecret from the WeChat console (letters and digits)').optional(),
  CASE_EVENTS_SECRET: z.string().trim().min(32, 'expected at least 32 characters').optional(),
  FIELD_ENCRYPTION_KEY: z
    .string()
    .refine((value) => decodeKey(value) !== undefined, 'expected 32 bytes as base64 (44 characters) or hex (64 digits); e.g. `openssl rand -base64 32`')
    .optional(),
  SESSION_TTL_HOURS: integer(1, 24 * 365, 720),
  H5_DIST: z.string().trim().min(1).default('dist-h5'),
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((value): boolean | number | string => {
      if (value === undefined || value === '' || value === 'false') return false
      if (value === 'true') return true
      if (/^\d+$/.test(value)) return Number(value)
      return value
    }),
})

/**
 * Reads and checks the environment. Throws {@link EnvError} listing every problem at once.
 * Relative paths are resolved against `cwd` (the project root when started by `npm run serve`).
 */
export function loadEnv(source: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): Env {
  // An empty variable (`FOO=` in a shell or .env file) means unset.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''))
  const result = RawEnvSchema.safeParse(cleaned)
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`))
  }
  const raw = result.data
  const problems: string[] = []
  const production = raw.NODE_ENV === 'production'

  if (Boolean(raw.WECHAT_APP_ID) !== Boolean(raw.WECHAT_APP_SECRET)) {
    problems.push('WECHAT_APP_ID and WECHAT_APP_SECRET: set both or neither')
  }
  if (production) {
    if (!raw.WECHAT_APP_ID) problems.push('WECHAT_APP_ID: required in production (the mini-program AppID)')
    if (!raw.WECHAT_APP_SECRET) problems.push('WECHAT_APP_SECRET: required in production (from the WeChat console)')
    if (!raw.CASE_EVENTS_SECRET) problems.push('CASE_EVENTS_SECRET: required in production (at least 32 characters, shared with the review system)')
    if (!raw.FIELD_ENCRYPTION_KEY) problems.push('FIELD_ENCRYPTION_KEY: required in production (32 bytes as base64 or hex; `openssl rand -base64 32`)')
  }
  if (problems.length > 0) throw new EnvError(problems)

  const developmentDefaults: string[] = []
  if (!raw.FIELD_ENCRYPTION_KEY) developmentDefaults.push('FIELD_ENCRYPTION_KEY')
  if (!raw.CASE_EVENTS_SECRET) developmentDefaults.push('CASE_EVENTS_SECRET')

  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    dataDir: path.resolve(cwd, raw.DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.REDIS_PREFIX,
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'silent' : 'info'),
    corsOrigins: raw.CORS_ORIGINS,
    wechat: raw.WECHAT_APP_ID && raw.WECHAT_APP_SECRET ? { appId: raw.WECHAT_APP_ID, appSecret: raw.WECHAT_APP_SECRET } : undefined,
    caseEventsSecret: raw.CASE_EVENTS_SECRET ?? DEVELOPMENT_CASE_EVENTS_SECRET,
    fieldEncryptionKey: (raw.FIELD_ENCRYPTION_KEY ? decodeKey(raw.FIELD_ENCRYPTION_KEY) : undefined) ?? DEVELOPMENT_FIELD_KEY,
    sessionTtlHours: raw.SESSION_TTL_HOURS,
    h5Dist: path.resolve(cwd, raw.H5_DIST),
    trustProxy: raw.TRUST_PROXY,
    developmentDefaults,
  }
}
