// Field encryption for personal data at rest (shared/API.md): AES-256-GCM for values we must read back
// (ID numbers, openids), HMAC-SHA256 for looking them up without decrypting every row.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

export interface FieldCrypto {
  /**
   * Encrypts `plaintext`. `context` (e.g. `'applicants.id_number'`) is bound to the ciphertext as
   * associated data, so a value copied into another column does not decrypt there.
   * Output: `v1.<iv>.<ciphertext>.<tag>`, base64url parts, safe in a text column.
   */
  encrypt(plaintext: string, context?: string): string
  /** Reverses {@link encrypt}; throws when the value was altered, or the key or context differ. */
  decrypt(sealed: string, context?: string): string
  /**
   * A keyed hash for equality look-ups (64 hex digits). Normalise before hashing
   * (e.g. upper-case the ID number's final X) so equal values hash equal.
   */
  lookupHash(value: string, context?: string): string
}

/**
 * Separate sub-keys for encryption and look-up hashing are derived from the one master key (HKDF),
 * so neither use can weaken the other.
 */
export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  if (masterKey.length !== 32) throw new RangeError('the field-encryption key must be 32 bytes')
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32))
  const encryptionKey = derive('jinxin-helper/field-encryption/v1')
  const lookupKey = derive('jinxin-helper/lookup-hmac/v1')

  return {
    encrypt(plaintext, context = '') {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      const tag = cipher.getAuthTag()
      return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.')
    },
    decrypt(sealed, context = '') {
      const parts = sealed.split('.')
      if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('not a sealed field value')
      const [, ivText, ciphertextText, tagText] = parts
      const iv = Buffer.from(ivText, 'base64url')
      const tag = Buffer.from(tagText, 'base64url')
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('not a sealed field value')
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(Buffer.from(context, 'utf8'))
      decipher.setAuthTag(tag)
      return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8')
    },
    lookupHash(value, context = '') {
      return createHmac('sha256', lookupKey).update(context).update('\u0000').update(value, 'utf8').digest('hex')
    },
  }
}

/** HMAC-SHA256 of `body` as lowercase hex, e.g. for `X-Signature: sha256=<hex>` on case events. */
export function hmacSha256Hex(secret: string | Buffer, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}

/** SHA-256 as lowercase hex: how session tokens are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** Compares two strings in constant time (for signatures and tokens). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}

/** `bytes` random bytes as base64url: session tokens (32 bytes), invitation codes and the like. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}
