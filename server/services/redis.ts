// The Redis connection (REDIS_URL), shared by every instance for the rate-limit counters. Commands fail at
// once while it is down (no offline queue, one attempt, a short timeout), so a request never waits for
// Redis to come back: each limit then fails open or closed (http/rate-limits.ts). It reconnects by itself.
import { once } from 'node:events'
import { Redis } from 'ioredis'

export interface RedisLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export function openRedis(url: string, log: RedisLogger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 500,
    // Reconnect after 0.2 s, 0.4 s … at most every 2 s, for as long as it takes.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  })
  // Said once per outage, not at every reconnection attempt.
  let up: boolean | undefined
  redis.on('ready', () => {
    if (up !== true) log.info({}, 'Redis connected: rate limits are shared by every instance')
    up = true
  })
  redis.on('error', (error: Error) => {
    if (up !== false) log.warn({ err: error }, 'Redis unreachable: screening is not limited, sign-in, submission, upload and invitations answer 503 until it is back')
    up = false
  })
  return redis
}

/** Waits up to `ms` for the first connection, so that the first requests are counted; never throws. */
export async function waitForRedis(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return true
  const timeout = AbortSignal.timeout(ms)
  try {
    await once(redis, 'ready', { signal: timeout })
    return true
  } catch {
    return false
  }
}

export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return
  try {
    await redis.quit()
  } catch {
    redis.disconnect()
  }
}
