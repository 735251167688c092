/**
 * 关怀模式 on first run follows WeChat's own font setting: WeChat's standard size is 17 px,
 * and a person who has chosen 20 px or more (or a scale of 1.15 or more) reads large text.
 * Once the person flips the switch, their choice wins.
 */
export const largeFontPx = 20
export const largeFontScale = 1.15

export interface FontSetting {
  fontSizeSetting?: number
  fontSizeScaleFactor?: number
}

export function startsInElderMode(stored: boolean | undefined, font: FontSetting): boolean {
  if (stored !== undefined) return stored
  if (font.fontSizeSetting !== undefined && font.fontSizeSetting >= largeFontPx) return true
  return font.fontSizeScaleFactor !== undefined && font.fontSizeScaleFactor >= largeFontScale
}
