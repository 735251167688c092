// Lint: TypeScript, React, accessibility, and DESIGN.md's one-way imports as import zones.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import importPlugin from 'eslint-plugin-import'
import globals from 'globals'

// Each zone: files under `target` may not import from `from`.
const zones = [
  { target: './src/domain', from: ['./src/lib', './src/components', './src/features', './src/pages', './src/subpackages', './src/platform', './server'], message: 'src/domain is pure: no app or server code.' },
  { target: './src/lib', from: ['./src/components', './src/features', './src/pages', './src/subpackages', './server'], message: 'src/lib sits under components and features.' },
  { target: './src/platform', from: ['./src/components', './src/features', './src/pages', './src/subpackages', './server'], message: 'src/platform sits under components and features.' },
  { target: './src/components', from: ['./src/features', './src/pages', './src/subpackages', './server'], message: 'shared components may not import features or pages.' },
  { target: './src/features', from: ['./src/pages', './src/subpackages', './server'], message: 'features are composed by pages, not the other way round.' },
  { target: './server', from: ['./src/lib', './src/components', './src/features', './src/pages', './src/subpackages', './src/platform', './src/locales'], message: 'the server imports src/domain and nothing else from src/.' },
]

// A string, template or JSX text holding Chinese (CJK unified ideographs).
const HAN_TEXT = ['Literal[value=/[\\u4e00-\\u9fff]/]', 'TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]', 'JSXText[value=/[\\u4e00-\\u9fff]/]']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest, wx: 'readonly' } },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // No feature imports another feature.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/features/*', '../../features/*', '../../*/'], message: 'a feature may not import another feature; compose them in a page.' }] }],
    },
  },
  {
    // Words the app's screens say live in src/locales (README, "Where words live"). The build reads the
    // page and tab titles of *.config.ts before any app code runs, so those stay where WeChat looks.
    files: ['src/app.ts', 'src/{components,features,lib,platform,pages,subpackages}/**/*.{ts,tsx}'],
    ignores: ['**/*.config.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...HAN_TEXT.map((selector) => ({ selector, message: 'words a person reads go in src/locales (or, for an API answer, src/domain).' }))],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'react/prop-types': 'off',
    },
  },
)
