// The H5 build served at `/`, with unknown page paths answered by index.html (the app routes itself),
// and unknown API paths answered 404 in the API's error format.
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
      // The page must be revalidated so a new build is picked up; assets are checked by ETag.
      setHeaders: (reply, filePath) => {
        if (filePath.endsWith('.html')) reply.header('cache-control', 'no-cache')
      },
    })
  }

  app.setNotFoundHandler((request, reply) => {
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url) && !looksLikeFile(request.url)
    if (isPageRequest && built) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    if (isPageRequest) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(NOT_BUILT_PAGE)
    }
    return sendError(reply, notFound(isApiPath(request.url) ? '没有这个接口。' : undefined))
  })
  return { built }
}
