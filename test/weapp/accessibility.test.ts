import fs from 'fs'
import path from 'path'
import { distDir, renderPage, startApp } from './harness'

describe('screen readers on the built WeChat app', () => {
  startApp()

  it('binds aria-role, aria-label and aria-checked on views to the props the pages set', () => {
    const template = fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8')
    expect(template).toMatch(/aria-role="\{\{[^}]*i\.role\}\}"/)
    expect(template).toMatch(/aria-label="\{\{[^}]*i\.ariaLabel\}\}"/)
    expect(template).toMatch(/aria-checked="\{\{[^}]*i\.ariaChecked\}\}"/)
  })

  it('announces the elder-mode row as a switch named 关怀模式, with its state', async () => {
    const page = await renderPage('pages/me/index')
    const row = () => page.nodes().find((node) => node.role === 'switch')
    expect(row()).toMatchObject({ role: 'switch', ariaLabel: '关怀模式', ariaChecked: false })
    await page.tap('关怀模式')
    expect(row()).toMatchObject({ ariaChecked: true })
  })
})
