/**
 * The two servers a delivery benchmark compares: the real app as `npm run serve` builds it, and a plain
 * static server handing out the same H5 build as it lies on disk (no compression, `max-age=0` with ETags,
 * service workers blocked by the browser), which is how the app was delivered before. Each counts the bytes
 * it writes to its sockets: what the phone receives, headers included.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo, Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import { buildApp } from '../../server/app'
import { migrate, openPglite } from '../../server/db'
import { loadEnv } from '../../server/env'

export interface DeliveryServer {
  name: 'app' | 'plain'
  url: string
  /** Whether the page may install its service worker. */
  serviceWorkers: boolean
  /** Bytes written to every client socket so far. */
  bytesSent(): number
  /** Requests answered so far. */
  requestsServed(): number
  close(): Promise<void>
}

/** Counts the requests and what the server writes on every connection, including connections already closed. */
function countTraffic(app: FastifyInstance): Pick<DeliveryServer, 'bytesSent' | 'requestsServed'> {
  const open = new Set<Socket>()
  let closedBytes = 0
  let requests = 0
  app.server.on('request', () => {
    requests += 1
  })
  app.server.on('connection', (socket: Socket) => {
    open.add(socket)
    socket.once('close', () => {
      closedBytes += socket.bytesWritten
      open.delete(socket)
    })
  })
  return {
    bytesSent: () => closedBytes + [...open].reduce((sum, socket) => sum + socket.bytesWritten, 0),
    requestsServed: () => requests,
  }
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

/** The real app on an embedded database in a temporary folder, logging into a sink. */
export async function appServer(h5Dist: string): Promise<DeliveryServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jinxin-bench-delivery-'))
  const db = await openPglite({ dataDir })
  await migrate(db)
  const env = loadEnv({ NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, H5_DIST: h5Dist })
  const app = await buildApp({ env, db, logStream: { write: () => undefined } })
  const traffic = countTraffic(app)
  const url = await listen(app)
  return {
    name: 'app',
    url,
    serviceWorkers: true,
    ...traffic,
    async close() {
      await app.close()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The same files from @fastify/static's defaults: uncompressed, `public, max-age=0`, ETag and Last-Modified. */
export async function plainServer(h5Dist: string): Promise<DeliveryServer> {
  const app = Fastify()
  await app.register(fastifyStatic, { root: h5Dist, prefix: '/', index: 'index.html' })
  const traffic = countTraffic(app)
  const url = await listen(app)
  return { name: 'plain', url, serviceWorkers: false, ...traffic, close: () => app.close() }
}
