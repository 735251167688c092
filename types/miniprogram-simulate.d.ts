// The parts of miniprogram-simulate and its exparser that the weapp tests use.
declare module 'miniprogram-simulate' {
  interface RenderedComponent {
    dom: HTMLElement
    attach(parent: HTMLElement): void
    detach(): void
  }
  export function load(componentPath: string, tagName: string, options?: { rootPath?: string; compiler?: 'official' | 'simulate' }): string
  export function render(id: string, properties?: Record<string, unknown>): RenderedComponent
  export function sleep(ms?: number): Promise<void>
}

declare module 'miniprogram-exparser' {
  export const Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown
    dispatchEvent(target: unknown, event: unknown): void
  }
}
