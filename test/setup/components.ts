// jsdom lacks a few browser APIs that Taro's H5 runtime and NutUI touch.
import { TextEncoder, TextDecoder } from 'node:util'
import { webcrypto } from 'node:crypto'

Object.assign(globalThis, { TextEncoder, TextDecoder })
if (!globalThis.crypto?.getRandomValues) Object.defineProperty(globalThis, 'crypto', { value: webcrypto })

class NoopObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return []
  }
}
Object.assign(globalThis, { IntersectionObserver: NoopObserver, ResizeObserver: NoopObserver })
window.matchMedia ??= (query: string) =>
  ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList
