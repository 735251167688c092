// A file's type from its first bytes (its "magic number"), whatever its name or declared type says.
import type { UploadContentType } from '@/domain/application'

const SIGNATURES: readonly { type: UploadContentType; bytes: readonly number[] }[] = [
  // JPEG: SOI marker then the first segment's marker.
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // PNG: \x89 P N G \r \n \x1a \n
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // PDF: "%PDF-"
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
]

/** JPEG, PNG or PDF by signature at the start of the file; undefined for anything else. */
export function sniffContentType(bytes: Uint8Array): UploadContentType | undefined {
  return SIGNATURES.find((signature) => signature.bytes.length <= bytes.length && signature.bytes.every((byte, i) => bytes[i] === byte))?.type
}

export const EXTENSIONS: Record<UploadContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
}
