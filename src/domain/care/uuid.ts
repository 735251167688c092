/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of namespace + name), so that a facility keeps the
 * same id every time the same external id is imported or generated. Pure TypeScript: no Node
 * `crypto`, no `TextEncoder`, because this also runs inside the WeChat mini-program.
 */

/** Namespace of facility ids (a fixed random UUID chosen for this project). */
export const FACILITY_NAMESPACE = '3f5b8c1e-7a2d-4e9b-b6c4-9d1e2f3a4b5c'

function utf8Bytes(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return out
}

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0
}

/** SHA-1 digest (20 bytes) of a byte list. */
export function sha1(bytes: readonly number[]): number[] {
  const message = bytes.slice()
  const bitLength = bytes.length * 8
  message.push(0x80)
  while (message.length % 64 !== 56) message.push(0)
  const high = Math.floor(bitLength / 4294967296)
  const low = bitLength >>> 0
  message.push((high >>> 24) & 0xff, (high >>> 16) & 0xff, (high >>> 8) & 0xff, high & 0xff)
  message.push((low >>> 24) & 0xff, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff)

  let h0 = 0x67452301
  let h1 = 0xefcdab89
  let h2 = 0x98badcfe
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0
  const w = new Array<number>(80)
  for (let offset = 0; offset < message.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4
      w[i] = (((message[j] as number) << 24) | ((message[j + 1] as number) << 16) | ((message[j + 2] as number) << 8) | (message[j + 3] as number)) >>> 0
    }
    for (let i = 16; i < 80; i++) {
      w[i] = rotl(((w[i - 3] as number) ^ (w[i - 8] as number) ^ (w[i - 14] as number) ^ (w[i - 16] as number)) >>> 0, 1)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let i = 0; i < 80; i++) {
      let f: number
      let k: number
      if (i < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (i < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6
      }
      const temp = (rotl(a, 5) + (f >>> 0) + e + k + (w[i] as number)) >>> 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + b) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const digest: number[] = []
  for (const h of [h0, h1, h2, h3, h4]) digest.push((h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff)
  return digest
}

function uuidBytes(uuid: string): number[] {
  const hex = uuid.replace(/-/g, '')
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new TypeError(`not a UUID: ${uuid}`)
  const bytes: number[] = []
  for (let i = 0; i < 32; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16))
  return bytes
}

const namespaceCache = new Map<string, number[]>()

/** A version-5 UUID for `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  let ns = namespaceCache.get(namespace)
  if (!ns) {
    ns = uuidBytes(namespace)
    namespaceCache.set(namespace, ns)
  }
  const digest = sha1([...ns, ...utf8Bytes(name)]).slice(0, 16)
  digest[6] = ((digest[6] as number) & 0x0f) | 0x50
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80
  const hex = digest.map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The stable id of the facility with this external id. */
export function facilityIdFor(externalId: string): string {
  return uuidV5(externalId, FACILITY_NAMESPACE)
}
