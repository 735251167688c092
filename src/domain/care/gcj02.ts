/**
 * WGS-84 → GCJ-02 (国测局坐标, "Mars coordinates").
 *
 * Browsers' geolocation gives WGS-84 (GPS); WeChat's maps, `openLocation`, AMap and our facility
 * data use GCJ-02, which inside mainland China is WGS-84 shifted by a published, deterministic
 * formula (a few hundred metres in Shanxi). This is that formula, as every open implementation
 * (e.g. googollee/eviltransform, wandergis/coordtransform) gives it: Krasovsky 1940 ellipsoid,
 * the shift computed around (35° N, 105° E). Outside China's rough box nothing is shifted.
 * Pure: no Taro, no browser.
 */

export interface LatLngPoint {
  lat: number
  lng: number
}

/** Semi-major axis of the Krasovsky 1940 ellipsoid, metres. */
const A = 6378245.0
/** Its first eccentricity squared. */
const EE = 0.006693421622965943

/** The rough box in which GCJ-02 applies (the same box the published implementations use). */
export function outOfChina(point: LatLngPoint): boolean {
  return point.lng < 72.004 || point.lng > 137.8347 || point.lat < 0.8293 || point.lat > 55.8271
}

function shiftLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return ret
}

function shiftLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return ret
}

/** A WGS-84 point (GPS, a browser's geolocation) as GCJ-02. */
export function wgs84ToGcj02(point: LatLngPoint): LatLngPoint {
  if (outOfChina(point)) return { lat: point.lat, lng: point.lng }
  const dLat0 = shiftLat(point.lng - 105.0, point.lat - 35.0)
  const dLng0 = shiftLng(point.lng - 105.0, point.lat - 35.0)
  const radLat = (point.lat / 180.0) * Math.PI
  const sinLat = Math.sin(radLat)
  const magic = 1 - EE * sinLat * sinLat
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (dLat0 * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (dLng0 * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: point.lat + dLat, lng: point.lng + dLng }
}
