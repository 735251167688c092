// WeChat's screen readers read aria-* attributes on views (aria-role, aria-label, aria-checked …), which
// Taro's view and text templates leave out. This adds them. The page data carries these props under
// their own names (`role`, `ariaLabel` …), so each attribute reads that name; aria-role reads `role`, so
// one `role` serves the web and WeChat alike.
const aria = {
  'aria-role': 'i.role',
  'aria-label': 'i.ariaLabel',
  'aria-checked': 'i.ariaChecked',
  'aria-hidden': 'i.ariaHidden',
  'aria-disabled': 'i.ariaDisabled',
  'aria-selected': 'i.ariaSelected',
  'aria-expanded': 'i.ariaExpanded',
}

module.exports = (ctx) => {
  ctx.registerMethod('onBuildInit', (platform) => {
    if (platform.platform !== 'weapp' || !platform.template) return
    platform.template.mergeComponents(ctx, { View: aria, Text: aria })
  })
}
