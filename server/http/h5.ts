// The H5 build served at `/`, with unknown page paths answered by index.html (the app routes itself),
// and unknown API paths answered 404 in the API's error format. The build lays a brotli (.br) and a gzip
// (.gz) copy beside each text file; the smallest the browser accepts is sent. Files whose names carry
// their content's hash never change, so a browser keeps them a year without asking again; everything
// else (the page, the service worker) is checked on every visit.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import { notFound } from '../errors'
import { sendError } from './error-handler'

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>晋心助手</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; margin: 2rem;">
<h1>晋心助手</h1>
<p>H5 页面还没有构建（H5 not built yet）：请运行 <code>npm run build:h5</code>，然后重新启动服务。</p>
<p>H5 not built yet: run <code>npm run build:h5</code>, then restart the server.</p>
<p>接口已在运行：<a href="/api/v1/health">/api/v1/health</a></p>
</body>
</html>
`

/** `app.1a2b3c4d.js`, `css/app.1a2b3c4d.css`, `static/images/home.1a2b3c4d.png`, and their .br/.gz copies. */
const HASHED_FILE = /\.[0-9a-f]{8}\.[a-z0-9]+(?:\.br|\.gz)?$/

export const CACHE_CONTROL = {
  hashed: 'public, max-age=31536000, immutable',
  other: 'no-cache',
} as const

export function cacheControlFor(filePath: string): string {
  return HASHED_FILE.test(path.basename(filePath)) ? CACHE_CONTROL.hashed : CACHE_CONTROL.other
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

/** A path whose last segment has an extension asks for a file, not a page. */
function looksLikeFile(url: string): boolean {
  const pathname = url.split('?')[0]
  return path.posix.extname(pathname) !== ''
}

export async function installH5(app: FastifyInstance, h5Dist: string): Promise<{ built: boolean }> {
  const built = existsSync(path.join(h5Dist, 'index.html'))
  if (built) {
    await app.register(fastifyStatic, {
      root: h5Dist,
      prefix: '/',
      index: 'index.html',
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', cacheControlFor(filePath))
      },
    })
  }

  app.setNotFoundHandler((request, reply) => {
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url) && !looksLikeFile(request.url)
    if (isPageRequest && built) {
      return reply.sendFile('index.html')
    }
    if (isPageRequest) {
      return reply.type('text/html; charset=utf-8').header('cache-control', CACHE_CONTROL.other).send(NOT_BUILT_PAGE)
    }
    return sendError(reply, notFound(isApiPath(request.url) ? '没有这个接口。' : undefined))
  })
  return { built }
}
