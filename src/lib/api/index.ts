import Taro from '@tarojs/taro'
import { SessionResponseSchema } from '@/domain/api'
import { loginCode } from '@/platform'
import { readStored, removeStored, storageKeys, writeStored } from '../storage'
import { createApiClient, type Session, type Transport } from './client'

export { ApiError, type FieldIssue } from './errors'
export { createApiClient, type ApiClient, type Transport, type Session, type SessionStore } from './client'

/** The session token lives in storage so a restart does not sign the person out. */
export const storedSessions = {
  get(): Session | undefined {
    const session = readStored(storageKeys.session, SessionResponseSchema)
    return session && Date.parse(session.expiresAt) > Date.now() ? session : undefined
  },
  set(session: Session) {
    writeStored(storageKeys.session, session)
  },
  clear() {
    removeStored(storageKeys.session)
  },
}

const taroTransport: Transport = async (options) => {
  const response = await Taro.request({ ...options, data: options.data as TaroGeneral.IAnyObject | undefined, dataType: 'json' })
  return { statusCode: response.statusCode, data: response.data, header: response.header as Record<string, string | undefined> }
}

/** On H5 the API is served by the same server as the page, so the same origin is the default. */
const baseUrl = (process.env.TARO_APP_API_BASE ?? '').replace(/\/$/, '')

export const api = createApiClient({ baseUrl, transport: taroTransport, sessions: storedSessions, loginCode })
