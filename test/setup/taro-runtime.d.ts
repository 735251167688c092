// The React page hooks as Taro's runtime exports them (typed in @tarojs/taro).
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export { useDidHide, useDidShow, useLoad, usePullDownRefresh, useReachBottom, useReady, useRouter, useShareAppMessage, useUnload } from '@tarojs/taro'
}
