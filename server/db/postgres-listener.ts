// LISTEN on PostgreSQL: one dedicated connection per process (a pooled one would lose its LISTENs when it
// goes back to the pool), re-opened with back-off when it drops. After a re-open every listener is called
// once, because a notice sent while the connection was down is lost. `listen` never fails for want of a
// connection: it keeps trying, and calls its listener once it is through.
import pg from 'pg'
import { checkTopic, notifyChannel, type DbLogger } from './types'

export interface Listener {
  listen(topic: string, onChange: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000]

export function postgresListener(config: pg.ClientConfig, logger?: DbLogger): Listener {
  const handlers = new Map<string, Set<() => void>>()
  let client: pg.Client | undefined
  let schema = ''
  let connecting: Promise<pg.Client> | undefined
  let failures = 0
  let retry: NodeJS.Timeout | undefined
  let closed = false

  const callAll = () => {
    for (const set of handlers.values()) for (const handler of set) handler()
  }

  const lost = (error?: Error) => {
    if (closed || !client) return
    logger?.warn({ err: error }, 'the PostgreSQL notification connection dropped; re-opening it')
    const old = client
    client = undefined
    old.removeAllListeners()
    old.on('error', () => undefined)
    void old.end().catch(() => undefined)
    scheduleReconnect()
  }

  function scheduleReconnect() {
    if (closed || retry) return
    const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]
    failures += 1
    retry = setTimeout(() => {
      retry = undefined
      connect().then(
        () => callAll(),
        () => scheduleReconnect(),
      )
    }, wait)
    retry.unref()
  }

  async function open(): Promise<pg.Client> {
    const next = new pg.Client(config)
    next.on('error', (error) => {
      if (client === next) lost(error)
    })
    next.on('end', () => {
      if (client === next) lost()
    })
    next.on('notification', (message) => {
      if (message.payload !== schema) return
      for (const handler of handlers.get(message.channel) ?? []) handler()
    })
    try {
      await next.connect()
      schema = (await next.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0].schema
      for (const channel of handlers.keys()) await next.query(`LISTEN ${channel}`)
    } catch (error) {
      next.removeAllListeners()
      next.on('error', () => undefined)
      await next.end().catch(() => undefined)
      throw error
    }
    if (closed) {
      await next.end().catch(() => undefined)
      throw new Error('closed')
    }
    client = next
    failures = 0
    return next
  }

  function connect(): Promise<pg.Client> {
    if (client) return Promise.resolve(client)
    connecting ??= open().finally(() => {
      connecting = undefined
    })
    return connecting
  }

  return {
    async listen(topic, onChange) {
      const channel = notifyChannel(checkTopic(topic))
      const fresh = !handlers.has(channel)
      const set = handlers.get(channel) ?? new Set()
      set.add(onChange)
      handlers.set(channel, set)
      try {
        const connected = await connect()
        if (fresh) await connected.query(`LISTEN ${channel}`)
      } catch (error) {
        // Not connected yet: listening starts (and `onChange` is called) once the connection opens.
        logger?.warn({ err: error }, 'could not open the PostgreSQL notification connection; trying again')
        scheduleReconnect()
      }
      return async () => {
        set.delete(onChange)
        if (set.size > 0) return
        handlers.delete(channel)
        if (client) await client.query(`UNLISTEN ${channel}`).catch(() => undefined)
      }
    },
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      await connecting?.catch(() => undefined)
      const last = client
      client = undefined
      if (last) {
        last.removeAllListeners()
        last.on('error', () => undefined)
        await last.end().catch(() => undefined)
      }
    },
  }
}
