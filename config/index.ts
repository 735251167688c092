import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { version } from '../package.json'
import devConfig from './dev'
import { h5Delivery } from './h5-delivery'
import prodConfig from './prod'

// WeChat DevTools opens dist/ (project.config.json); the H5 build lives beside it so neither build wipes the other.
// JX_DIST / JX_DIST_H5 move them, so that two builds can run side by side.
const outputRoot = process.env.TARO_ENV === 'h5' ? (process.env.JX_DIST_H5 ?? 'dist-h5') : (process.env.JX_DIST ?? 'dist')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jinxin-helper',
    date: '2026-11-23',
    // NutUI is drawn at 375 px; our own styles at 750 rpx.
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file : undefined
      return file && file.replace(/\\/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: ['@tarojs/plugin-html', path.resolve(__dirname, 'plugins/weapp-aria.js'), path.resolve(__dirname, 'plugins/devtools-appid.js')],
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    // Values the app reads at build time; Taro substitutes TARO_APP_* only from .env files, so name them here.
    defineConstants: {
      'process.env.TARO_APP_VERSION': JSON.stringify(version),
      'process.env.TARO_APP_API_BASE': JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      'process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID': JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      optimizeMainPackage: { enable: true },
      // zod ships ES2020 syntax that WeChat's older engines do not parse.
      compile: { include: [(file: string) => /node_modules[\\/]zod[\\/]/.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain, webpack) {
        h5Delivery(chain, webpack, process.env.NODE_ENV !== 'development')
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
