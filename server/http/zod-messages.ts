// Request validation with zod, with zod's built-in messages in zh-CN. The locale is applied per parse
// (not globally), so messages a schema sets itself still win.
import { zhCN } from 'zod/locales'
import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core'
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify'

export const zhCNErrorMap = zhCN().localeError

/**
 * Replaces fastify-type-provider-zod's validator (same behaviour, zh-CN messages). Each issue keeps
 * its zod path in `params.path`; the error handler joins it with dots (`members.0.age`).
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { error: zhCNErrorMap })
    if (!result.error) return { value: result.data }
    // An unknown key is reported at its own path (`members.0.nmae`), so the client sees which field.
    const located = result.error.issues.flatMap((issue): $ZodIssue[] =>
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, path: [...issue.path, key] })) : [issue],
    )
    const error: FastifySchemaValidationError[] = located.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.map(String).join('/')}`,
      schemaPath: `#/${issue.path.map(String).join('/')}/${issue.code}`,
      params: { path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))) },
      message: issue.message,
    }))
    return { error }
  }
