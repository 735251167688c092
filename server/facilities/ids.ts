import { createHash } from 'node:crypto'

/** Namespace of facility ids (a fixed random UUID chosen for this project). */
const FACILITY_NAMESPACE = '3f5b8c1e-7a2d-4e9b-b6c4-9d1e2f3a4b5c'

/** A name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name). */
export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x50
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The facility's id, the same every time its external id is imported or generated. */
export function facilityIdFor(externalId: string): string {
  return uuidV5(externalId, FACILITY_NAMESPACE)
}
