// Draws the four tab-bar icons (WeChat accepts only PNG/JPG there) as anti-aliased PNGs:
// `node config/tabbar-icons.mjs` writes src/assets/tabbar/<name>[-active].png.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const size = 81
const colours = { idle: [0x4e, 0x59, 0x69], active: [0x1a, 0x56, 0xb0] }

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRing = (x, y, cx, cy, r, w) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w)
const frame = (x, y, x0, y0, x1, y1, w) => inRect(x, y, x0, y0, x1, y1) && !inRect(x, y, x0 + w, y0 + w, x1 - w, y1 - w)
// Below the line from (x0,y0) to (x1,y1), for the roof and the pin's point.
const side = (x, y, x0, y0, x1, y1) => (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)

const shapes = {
  home: (x, y) => {
    const roof = side(x, y, 40.5, 10, 8, 38) <= 0 && side(x, y, 73, 38, 40.5, 10) <= 0 && y <= 38
    const roofInner = side(x, y, 40.5, 18, 17, 38) <= 0 && side(x, y, 64, 38, 40.5, 18) <= 0
    const walls = frame(x, y, 17, 36, 64, 71, 6)
    const door = inRect(x, y, 34, 50, 47, 71)
    return (roof && !roofInner) || walls || door
  },
  // A map pin: a round head drawn down to a point, with a hole in the head.
  care: (x, y) => {
    const head = inCircle(x, y, 40.5, 31, 22)
    const point = y >= 31 && y <= 74 && Math.abs(x - 40.5) <= ((74 - y) / 43) * 20
    return (head || point) && !inCircle(x, y, 40.5, 31, 9)
  },
  applications: (x, y) =>
    frame(x, y, 15, 8, 66, 73, 6) || inRect(x, y, 25, 24, 56, 29) || inRect(x, y, 25, 38, 56, 43) || inRect(x, y, 25, 52, 46, 57),
  me: (x, y) => inRing(x, y, 40.5, 25, 15, 6.5) || (y >= 48 && y <= 73 && inRing(x, y, 40.5, 78, 30, 6.5)) || (y >= 67 && y <= 73 && inRect(x, y, 10, 67, 71, 73)),
}

function crcTable() {
  return Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
}
const table = crcTable()
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = table[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(shape, [r, g, b]) {
  const rows = []
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x += 1) {
      // 4 × 4 samples per pixel for smooth edges.
      let hits = 0
      for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits += 1
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + x * 4)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

const out = new URL('../src/assets/tabbar/', import.meta.url)
for (const [name, shape] of Object.entries(shapes)) {
  writeFileSync(new URL(`${name}.png`, out), png(shape, colours.idle))
  writeFileSync(new URL(`${name}-active.png`, out), png(shape, colours.active))
}
