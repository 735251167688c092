/** Fills the {name} placeholders of a locale string: fill('第 {n} 步', { n: 3 }) → '第 3 步'. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder))
}
