// Field encryption, look-up hashes and masking: what the stored and shown values look like.
import { randomBytes } from 'node:crypto'
import { createFieldCrypto, hmacSha256Hex, safeEqual } from '../../server/crypto'
import { maskIdNumber, maskName, maskPhone } from '@/domain/masking'

const idNumber = '14010519491231002X'

describe('field encryption', () => {
  const crypto = createFieldCrypto(randomBytes(32))

  it('reads back what it sealed, and seals the same value differently each time', () => {
    const first = crypto.encrypt(idNumber, 'applicants.id_number')
    const second = crypto.encrypt(idNumber, 'applicants.id_number')
    expect(first).not.toBe(second)
    expect(first).not.toContain(idNumber)
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(crypto.decrypt(first, 'applicants.id_number')).toBe(idNumber)
    expect(crypto.decrypt(crypto.encrypt('张三丰'))).toBe('张三丰')
  })

  it('refuses an altered value, another context or another key', () => {
    const sealed = crypto.encrypt(idNumber, 'applicants.id_number')
    const [version, iv, body, tag] = sealed.split('.')
    const flipped = Buffer.from(body, 'base64url')
    flipped[0] ^= 1
    expect(() => crypto.decrypt([version, iv, flipped.toString('base64url'), tag].join('.'), 'applicants.id_number')).toThrow()
    expect(() => crypto.decrypt(sealed, 'users.openid')).toThrow()
    expect(() => createFieldCrypto(randomBytes(32)).decrypt(sealed, 'applicants.id_number')).toThrow()
    expect(() => crypto.decrypt('not sealed')).toThrow()
  })

  it('hashes for look-up: equal values equal, keyed, and separated by context', () => {
    expect(crypto.lookupHash(idNumber)).toBe(crypto.lookupHash(idNumber))
    expect(crypto.lookupHash(idNumber)).toMatch(/^[0-9a-f]{64}$/)
    expect(crypto.lookupHash(idNumber, 'a')).not.toBe(crypto.lookupHash(idNumber, 'b'))
    expect(createFieldCrypto(randomBytes(32)).lookupHash(idNumber)).not.toBe(crypto.lookupHash(idNumber))
  })

  it('wants a 32-byte key', () => {
    expect(() => createFieldCrypto(randomBytes(16))).toThrow(RangeError)
  })

  it('signs bodies with HMAC-SHA256 as hex, and compares signatures safely', () => {
    // RFC 4231 test case 2.
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
    expect(safeEqual('sha256=ab', 'sha256=ab')).toBe(true)
    expect(safeEqual('sha256=ab', 'sha256=ac')).toBe(false)
    expect(safeEqual('sha256=ab', 'sha256=abc')).toBe(false)
  })
})

describe('masking', () => {
  it('shows an ID number’s first 4 and last 4 characters', () => {
    expect(maskIdNumber('14010519491231002X')).toBe('1401**********002X')
    expect(maskIdNumber('140105194912310')).toBe('1401*******2310')
    expect(maskIdNumber('1401')).toBe('****')
  })

  it('shows a phone number’s first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('123456')).toBe('******')
  })

  it('shows a name’s first character', () => {
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('李')).toBe('*')
  })
})
