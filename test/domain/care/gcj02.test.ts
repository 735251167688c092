import { distanceKm } from '@/domain/care/geo'
import { outOfChina, wgs84ToGcj02 } from '@/domain/care/gcj02'
import { SHANXI_COUNTIES } from '@/domain/care/regions'

describe('WGS-84 → GCJ-02', () => {
  // Reference pairs published with googollee/eviltransform (WGS-84 in, GCJ-02 out).
  it.each([
    ['上海', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
    ['深圳', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
    ['北京', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ])('matches the published conversion in %s', (_city, lat, lng, gcjLat, gcjLng) => {
    const out = wgs84ToGcj02({ lat, lng })
    expect(out.lat).toBeCloseTo(gcjLat, 9)
    expect(out.lng).toBeCloseTo(gcjLng, 9)
  })

  it('shifts every Shanxi county centre by a few hundred metres, never more than 1 km', () => {
    for (const county of SHANXI_COUNTIES) {
      const shifted = wgs84ToGcj02(county.centre)
      const shift = distanceKm(county.centre.lat, county.centre.lng, shifted.lat, shifted.lng) * 1000
      expect(shift).toBeGreaterThan(50)
      expect(shift).toBeLessThan(1000)
    }
  })

  it('leaves points outside China as they are', () => {
    const london = { lat: 51.5074, lng: -0.1278 }
    expect(outOfChina(london)).toBe(true)
    expect(wgs84ToGcj02(london)).toEqual(london)
  })
})
