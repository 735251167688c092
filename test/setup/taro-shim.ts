// Jest stand-in for `@tarojs/taro`: the real H5 implementation plus the React page hooks,
// which the Taro build would normally inject.
import * as taroH5 from '@tarojs/taro-h5'

export * from '@tarojs/taro-h5'
export {
  useDidHide,
  useDidShow,
  useLoad,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useShareAppMessage,
  useUnload,
} from '@tarojs/plugin-framework-react/dist/runtime'

// The build merges the API functions into the default export; do the same here.
const taro = { ...((taroH5 as unknown as { default?: object }).default ?? {}), ...taroH5 }
export default taro
