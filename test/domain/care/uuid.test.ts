import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { facilityIdFor, sha1, uuidV5 } from '@/domain/care/uuid'

describe('name-based ids', () => {
  it('matches the RFC 9562 / Python example uuid5(NAMESPACE_DNS, "python.org")', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
  })

  it('computes SHA-1 like Node’s crypto for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const ours = sha1([...Buffer.from(text, 'utf8')]).map((b) => b.toString(16).padStart(2, '0')).join('')
        expect(ours).toBe(createHash('sha1').update(text, 'utf8').digest('hex'))
      }),
      { numRuns: 300 },
    )
  })

  it('gives each external id one stable version-5 UUID', () => {
    const id = facilityIdFor('sample-canteen-1')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(facilityIdFor('sample-canteen-1')).toBe(id)
    expect(facilityIdFor('sample-canteen-2')).not.toBe(id)
  })
})
