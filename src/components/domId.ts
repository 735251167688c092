import { useId } from 'react'

/** A unique id for aria-labelledby and friends, made only of characters every platform accepts. */
export function useDomId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
}
