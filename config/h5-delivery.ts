// How the H5 build reaches a phone on a weak network (see server/http/h5.ts for the serving side):
//   - split: each page's code loads with that page; code shared by some pages is its own file, loaded only
//     by the pages that need it, so home does not carry the other tabs' and journeys' code;
//   - no inline script: Taro's root-font-size script becomes a file of its own, loaded in the same place
//     (it measures the page before anything is drawn), so the content-security policy can refuse every
//     inline script;
//   - home's own files are announced in the page (preload), so they download with the app's first scripts
//     instead of one round trip later (2 s on slow 3G);
//   - a brotli (.br) and a gzip (.gz) copy beside each text file, made once here, not per request;
//   - a service worker (Workbox) that keeps the page, home and the screener, so a repeat visit and the
//     screener work without the network; other pages' files are kept as they are first used.
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import CompressionPlugin from 'compression-webpack-plugin'
import HtmlWebpackPlugin from 'html-webpack-plugin'
import { GenerateSW } from 'workbox-webpack-plugin'
import type { Compilation } from 'webpack'

// webpack-chain's types are not exported by Taro; this is the part used here.
interface Chain {
  plugin(name: string): {
    use(plugin: unknown, args?: unknown[]): unknown
    tap(f: (args: Record<string, unknown>[]) => Record<string, unknown>[]): unknown
  }
  optimization: { splitChunks(options: unknown): unknown }
}

interface WebpackNamespace {
  Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: number }
  sources: { RawSource: new (source: string) => unknown }
}

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/
/** Files whose name carries their content's hash: cached for a year (server/http/h5.ts). */
const HASHED = /\.[0-9a-f]{8}\./

/** Pages whose files the service worker keeps from the first visit: home, and the screener (it runs on the phone). */
const PAGES_KEPT_OFFLINE = /(^|\/)(pages\/index\/index|subpackages\/screening\/[^/]+\/index)$/
const HOME = /(^|\/)pages\/index\/index$/
const ROOT_FONT_SIZE = /^js\/root-font-size\.[0-9a-f]{8}\.js$/
/** Written beside the build (a dot file: never served) for `npm run size`: the files of home's first load. */
export const DELIVERY_MANIFEST = '.delivery.json'

/** The files of the entry and of the chunk groups that load the pages `pages` matches. */
function filesLoadedWith(compilation: Compilation, pages: RegExp): Set<string> {
  const files = new Set<string>()
  for (const group of compilation.chunkGroups) {
    const isEntry = group.isInitial()
    const loadsPage = group.origins.some((origin) => typeof origin.request === 'string' && pages.test(origin.request))
    if (!isEntry && !loadsPage) continue
    for (const chunk of group.chunks) {
      for (const file of chunk.files) files.add(file)
      for (const file of chunk.auxiliaryFiles) files.add(file)
    }
  }
  return files
}

/** Writes {@link DELIVERY_MANIFEST}: index.html and every file home loads, in a cold visit. */
class FirstLoadManifest {
  apply(compiler: { hooks: { afterEmit: { tap(name: string, f: (compilation: Compilation) => void): void } } }) {
    compiler.hooks.afterEmit.tap('FirstLoadManifest', (compilation) => {
      const home = [...filesLoadedWith(compilation, HOME)].filter((file) => !file.endsWith('.map'))
      const extras = Object.keys(compilation.assets).filter((file) => ROOT_FONT_SIZE.test(file))
      const manifest = { home: ['index.html', ...extras, ...home.sort()] }
      writeFileSync(path.join(compilation.outputOptions.path ?? '.', DELIVERY_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
    })
  }
}

/** Adds `<link rel="preload">` for the files home loads after the entry, so the browser fetches them at once. */
class HomePreload {
  apply(compiler: { hooks: { compilation: { tap(name: string, f: (compilation: Compilation) => void): void } } }) {
    compiler.hooks.compilation.tap('HomePreload', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('HomePreload', (data) => {
        const named = new Set(data.headTags.map((tag) => String(tag.attributes.src ?? tag.attributes.href ?? '').replace(/^\//, '')))
        const home = [...filesLoadedWith(compilation, HOME)].filter((file) => /\.(js|css)$/.test(file) && !named.has(file)).sort()
        for (const file of home) {
          data.headTags.push({
            tagName: 'link',
            voidTag: true,
            attributes: { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: `/${file}` },
            meta: { plugin: 'HomePreload' },
          })
        }
        return data
      })
    })
  }
}

function serviceWorkerOptions() {
  return {
    swDest: 'sw.js',
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    cacheId: 'jinxin',
    // A new version waits until every tab of the old one is closed: an open page keeps loading its own files.
    clientsClaim: false,
    skipWaiting: false,
    exclude: [/\.(br|gz|map)$/, /\.LICENSE\.txt$/],
    // Hashed files never change: fetched once, without a cache-busting query (the HTTP cache may answer).
    dontCacheBustURLsMatching: HASHED,
    manifestTransforms: [
      (entries, compilation) => {
        const kept = filesLoadedWith(compilation as Compilation, PAGES_KEPT_OFFLINE)
        const keep = (url: string) => url === 'index.html' || ROOT_FONT_SIZE.test(url) || kept.has(url)
        return { manifest: entries.filter((entry) => keep(entry.url.replace(/^\//, ''))), warnings: [] }
      },
    ],
    // Every page path is the app's one page; the API is never answered from the cache.
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//],
    runtimeCaching: [
      {
        // A regular expression, not a function: it is written into the service worker as it is.
        urlPattern: /\/(js|css|static)\/.+\.[0-9a-f]{8}\.[a-z0-9]+$/,
        handler: 'CacheFirst' as const,
        options: { cacheName: 'jinxin-files', expiration: { maxEntries: 200, maxAgeSeconds: 365 * 24 * 3600 } },
      },
    ],
  } satisfies ConstructorParameters<typeof GenerateSW>[0]
}

/**
 * Taro's script sizes the root font from the <html> element's box, whose height is whatever of the page has been
 * laid out when it runs (a few pixels at times, which clamps every rem to the minimum): measure the screen instead.
 */
function measuredFromTheScreen(script: string): string {
  const box = 'r=e.getBoundingClientRect()'
  if (!script.includes(box)) throw new Error("Taro's root-font-size script changed: check config/h5-delivery.ts")
  return script.replace(box, 'r={width:n.innerWidth,height:n.innerHeight}')
}

export function h5Delivery(chain: Chain, webpack: WebpackNamespace, production: boolean): void {
  chain.optimization.splitChunks({ chunks: 'all', minSize: 10_000, maxAsyncRequests: 30, maxInitialRequests: 30 })

  // Taro's script, as it would have been inlined, in a file named for its content; src/index.html loads it.
  let rootFontSize = { file: '', source: '' }
  chain.plugin('htmlWebpackPlugin').tap(([options]) => {
    const source = measuredFromTheScreen(String(options.script ?? ''))
    rootFontSize = { file: `js/root-font-size.${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`, source }
    return [{ ...options, script: '', rootFontSizeSrc: `/${rootFontSize.file}` }]
  })
  chain.plugin('rootFontSize').use(
    class RootFontSizeFile {
      apply(compiler: { hooks: { thisCompilation: { tap(name: string, f: (compilation: Compilation) => void): void } } }) {
        compiler.hooks.thisCompilation.tap('RootFontSizeFile', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'RootFontSizeFile', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
            compilation.emitAsset(rootFontSize.file, new webpack.sources.RawSource(rootFontSize.source) as never)
          })
        })
      }
    },
  )

  chain.plugin('firstLoadManifest').use(FirstLoadManifest)
  chain.plugin('homePreload').use(HomePreload)
  if (!production) return
  chain.plugin('serviceWorker').use(GenerateSW, [serviceWorkerOptions()])
  const common = { test: COMPRESSIBLE, minRatio: 0.9 }
  chain.plugin('gzip').use(CompressionPlugin, [{ ...common, algorithm: 'gzip', filename: '[path][base].gz', compressionOptions: { level: 9 } }])
  chain.plugin('brotli').use(CompressionPlugin, [
    { ...common, algorithm: 'brotliCompress', filename: '[path][base].br', compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } } },
  ])
}
