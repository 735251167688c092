// Four projects: pure domain code, server against the real database, components in jsdom,
// and the built WeChat pages in miniprogram-simulate.
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '..')
// ESM-only packages that babel-jest must transform.
const esmPackages = ['@tarojs', '@nutui', '@stencil', 'swiper', 'history', 'kdbush', 'geokdbush', 'tinyqueue', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'lodash-es', '@electric-sql', 'nanoid', 'content-disposition', 'cookie', '@apidevtools']
// Anchored at the top node_modules (by its real path, which jest sees when it is a link), so what those
// packages bundle inside themselves is transformed too.
const modulesDir = fs.realpathSync(path.join(root, 'node_modules'))
const transformIgnorePatterns = [`^${modulesDir.replace(/[/\\]/g, '[/\\\\]')}[/\\\\](?!(${esmPackages.join('|')})[/\\\\])`]
// .cjs too: PGlite ships its CommonJS build as index.cjs.
const transform = { '\\.[cm]?[jt]sx?$': 'babel-jest' }
const alias = { '^@/(.*)$': '<rootDir>/src/$1' }

const taroGlobals = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: false,
  DEPRECATED_ADAPTER_COMPONENT: false,
  TARO_ENV: 'h5',
  TARO_PLATFORM: 'web',
  __TARO_FRAMEWORK__: 'react',
  __TARO_FRAMEWORK_REACT_MODE__: 'concurrent',
}

module.exports = {
  rootDir: root,
  projects: [
    {
      displayName: 'domain',
      rootDir: root,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/domain/**/*.test.ts'],
      moduleNameMapper: alias,
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'server',
      rootDir: root,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/server/**/*.test.ts'],
      moduleNameMapper: alias,
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'components',
      rootDir: root,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/setup/components.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/components-after-env.ts'],
      moduleNameMapper: {
        ...alias,
        '^@tarojs/taro$': '<rootDir>/test/setup/taro-shim.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '\\.(css|scss|sass)$': '<rootDir>/test/setup/style-stub.js',
        '\\.(png|jpg|jpeg|svg)$': '<rootDir>/test/setup/file-stub.js',
      },
      globals: taroGlobals,
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'weapp',
      rootDir: root,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      moduleNameMapper: alias,
      transform,
      transformIgnorePatterns,
    },
    {
      // Started by test/e2e/run.mjs, which serves the app and sets E2E_BASE_URL.
      displayName: 'e2e',
      rootDir: root,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      moduleNameMapper: alias,
      transform,
      transformIgnorePatterns,
    },
  ],
}
