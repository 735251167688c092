// The API document (`/api/v1/openapi.json`, OpenAPI 3.0) and the pages that show it (`/api/docs`).
// Every API route is documented as it is registered: its error answers (answers.ts) and, behind
// sign-in, the bearer token. Schemas with a zod `id` (the recursive JSON value) become components.
import type { FastifyInstance, RouteOptions } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import packageJson from '../../package.json'
import { documentErrorAnswers } from './answers'

/** Where people read the document. */
export const API_DOCS_PATH = '/api/docs'

export const BEARER_AUTH = 'bearerAuth'
export const CASE_EVENT_SIGNATURE = 'caseEventSignature'

const DESCRIPTION = `晋心助手（山西“晋心救助”居民自助小程序）的后端接口。

- 接口都在 \`/api/v1\` 下，请求和答复都是 JSON（上传材料用 multipart/form-data）。时间是 ISO 8601，日期按北京时间（Asia/Shanghai）。
- 出错时答复的格式统一为 \`{"error": "…", "message": "…", "issues": [...]}\`：\`error\` 是给程序判断的稳定代码，\`message\` 是给人看的中文说明，\`issues\` 逐项列出出错的字段（\`path\` 用点连接，如 \`members.0.age\`）和原因。请先按 HTTP 状态码处理，再看 \`error\`。
- 居民的接口要先登录（bearerAuth）；民政审核系统的接口要签名（caseEventSignature）。民政审核系统的对接说明（签名、每种事件的示例、重放和冲突的答复、状态表）在代码仓库的 \`docs/integration.md\`。
- 机器可读的文档：\`/api/v1/openapi.json\`。`

const TAGS = [
  { name: 'system', description: '运行状态：给运维人员和监控' },
  { name: 'auth', description: '登录：用微信登录凭证换取令牌' },
  { name: 'screening', description: '查资格：按家庭情况估算可能符合的补助（不保存任何内容）' },
  { name: 'care', description: '找服务：附近的老年餐桌、日间照料中心和养老机构' },
  { name: 'apply', description: '一次申请：草稿、材料上传、提交申请' },
  { name: 'track', description: '查进度：每项补助的状态、补充材料、撤回、家人关注、订阅消息' },
  { name: 'review', description: '民政审核系统对接：签名的状态事件和申请事项列表' },
]

const SECURITY_SCHEMES = {
  [BEARER_AUTH]: {
    type: 'http' as const,
    scheme: 'bearer',
    description:
      '居民登录后的令牌。小程序用 wx.login 得到的 code 调用 `POST /api/v1/auth/wechat`，答复里有 `token` 和到期时间 `expiresAt`；' +
      '之后每个请求带上请求头 `Authorization: Bearer <token>`。没有令牌、令牌无效或已过期（默认 720 小时）时答 401 `unauthorized`，请重新登录。' +
      '开发环境（没有配置微信凭据）里任何 code 都能登录，code 本身就是身份。',
  },
  [CASE_EVENT_SIGNATURE]: {
    type: 'apiKey' as const,
    in: 'header',
    name: 'X-Signature',
    description:
      '民政审核系统的签名：用与服务器共享的密钥 `CASE_EVENTS_SECRET` 对请求体的原始字节（发送的每一个字节，原样，不重新排版）计算 HMAC-SHA256，' +
      '写成小写十六进制，放在请求头 `X-Signature: sha256=<hex>`。签名缺失或不符时答 401 `bad_signature`，在检查请求内容之前就拒绝。' +
      '事件按 `eventId` 去重：同一事件再次发送，答复与第一次相同，什么也不改变；同一 `eventId` 内容不同答 422 `event_id_reused`。',
  },
}

/**
 * The policy of the documentation pages, whatever the H5 app's is: Swagger UI loads only its own
 * files from this origin, runs no inline script, and calls only this origin ("Try it out"). It adds
 * one <style> element of its own as it starts, so inline styles (never scripts) are allowed.
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'self'",
  "form-action 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
].join('; ')

export interface ApiDocsOptions {
  /** The API's prefix (`/api/v1`): routes under it are documented. */
  prefix: string
  /** Routes running this preHandler are behind sign-in. */
  authenticate: unknown
}

function usesAuthentication(route: RouteOptions, authenticate: unknown): boolean {
  const hooks = route.preHandler
  return hooks === authenticate || (Array.isArray(hooks) && (hooks as unknown[]).includes(authenticate))
}

/** Registers the document and its pages; call before the API's routes so that each is documented. */
export async function installApiDocs(app: FastifyInstance, options: ApiDocsOptions): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(options.prefix) || !route.schema || route.schema.hide) return
    const signedIn = usesAuthentication(route, options.authenticate)
    documentErrorAnswers(route, { signedIn })
    if (signedIn && !route.schema.security) route.schema.security = [{ [BEARER_AUTH]: [] }]
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '晋心助手 API', description: DESCRIPTION, version: packageJson.version },
      tags: TAGS,
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  app.get(`${options.prefix}/openapi.json`, { schema: { hide: true } }, async () => app.swagger())

  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PATH,
    staticCSP: API_DOCS_CSP,
    theme: { title: '晋心助手 API 文档' },
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0, displayRequestDuration: true },
  })
}
