/**
 * Design tokens: one set, in a standard and an elder (关怀模式) variant. They reach NutUI as its own
 * theme variables and our styles as `--jx-*` variables, both through ConfigProvider's `theme`.
 * Sizes are CSS px (ConfigProvider writes them inline, untouched by the rpx/rem transform).
 */
export interface Tokens {
  fontBody: string
  fontSmall: string
  fontHeading: string
  fontTitle: string
  lineHeight: string
  tapTarget: string
  space: string
  radius: string
  colorText: string
  colorMuted: string
  colorPrimary: string
  colorPrimaryText: string
  colorBackground: string
  colorSurface: string
  colorDanger: string
  colorSuccess: string
  colorWarning: string
}

const shared = {
  radius: '12px',
  // Each colour keeps at least 4.5:1 contrast against the background it is used on.
  colorPrimary: '#1a56b0',
  colorPrimaryText: '#ffffff',
  colorBackground: '#f4f6f9',
  colorSurface: '#ffffff',
  colorDanger: '#b42318',
  colorSuccess: '#1e7a34',
  colorWarning: '#8a5300',
}

export const standardTokens: Tokens = {
  ...shared,
  fontBody: '16px',
  fontSmall: '14px',
  fontHeading: '20px',
  fontTitle: '24px',
  lineHeight: '1.5',
  tapTarget: '44px',
  space: '16px',
  colorText: '#1f2329',
  colorMuted: '#4e5969',
}

/** Elder variant: body ≥ 18 px, headings ≥ 24 px, line height ≥ 1.3, tap targets ≥ 60 px, stronger text. */
export const elderTokens: Tokens = {
  ...shared,
  fontBody: '20px',
  fontSmall: '18px',
  fontHeading: '26px',
  fontTitle: '30px',
  lineHeight: '1.5',
  tapTarget: '60px',
  space: '20px',
  colorText: '#000000',
  colorMuted: '#333333',
}

function nutuiTheme(t: Tokens, elder: boolean): Record<string, string> {
  const small = elder ? t.fontSmall : undefined
  return {
    nutuiColorPrimary: t.colorPrimary,
    nutuiColorPrimaryStop1: t.colorPrimary,
    nutuiColorPrimaryStop2: t.colorPrimary,
    nutuiColorTitle: t.colorText,
    nutuiColorText: t.colorMuted,
    nutuiFontSizeBase: t.fontBody,
    nutuiFontSizeL: elder ? '22px' : '16px',
    nutuiFontSizeXl: elder ? '24px' : '18px',
    ...(small && {
      // In elder mode no NutUI text is smaller than 18 px.
      nutuiFontSizeXxxs: small,
      nutuiFontSizeXxs: small,
      nutuiFontSizeXs: small,
      nutuiFontSizeS: small,
      nutuiButtonSmallHeight: t.tapTarget,
      nutuiButtonDefaultHeight: t.tapTarget,
      nutuiButtonLargeHeight: '64px',
      nutuiButtonXlargeHeight: '68px',
      nutuiCellPadding: '18px 16px',
      nutuiSwitchWidth: '64px',
      nutuiSwitchHeight: '36px',
    }),
    nutuiButtonLargeFontSize: elder ? '22px' : '17px',
    nutuiButtonDefaultFontSize: t.fontBody,
    nutuiCellTitleFontSize: t.fontBody,
    nutuiCellDescriptionFontSize: t.fontSmall,
  }
}

/** The `theme` object for ConfigProvider: NutUI's variables and ours. */
export function themeFor(elder: boolean): Record<string, string> {
  const t = elder ? elderTokens : standardTokens
  const ours = Object.fromEntries(Object.entries(t).map(([key, value]) => [`jx${key[0].toUpperCase()}${key.slice(1)}`, value]))
  return { ...nutuiTheme(t, elder), ...ours }
}
